// cli/cmd_backup.cpp — `caunoi backup` and `caunoi restore`: whole-database copies through the
// store's online backup (store::Connection::backup_to), safe while the server runs. A restore
// checks the copy first (integrity, and that it is a caunoi database) and should be run with the
// server stopped.
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "common/error.h"
#include "store/store.h"

namespace caunoi::cli {
namespace {

void check_copy(store::Connection& c, const std::string& path) {
  std::string verdict;
  c.each("PRAGMA integrity_check", [&](const store::Row& r) {
    if (verdict.empty()) verdict = r.text(0);
  });
  if (verdict != "ok") throw invalid("bad_backup", "Tệp sao lưu " + path + " bị hỏng: " + verdict);
  if (!c.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_migrations'").value_or(0))
    throw invalid("bad_backup", "Tệp " + path + " không phải cơ sở dữ liệu caunoi.");
}

}  // namespace

void add_backup(CLI::App& app, int&) {
  static std::string db = "caunoi.db", out, from;
  auto* backup = app.add_subcommand("backup", "Sao lưu cơ sở dữ liệu (khi máy chủ đang chạy)");
  backup->add_option("--db", db, "Tệp cơ sở dữ liệu SQLite")->capture_default_str();
  backup->add_option("--out", out, "Tệp sao lưu sẽ tạo")->required();
  backup->callback([] {
    sqlite_only(db, "dùng pg_dump");
    if (!std::filesystem::exists(db))
      throw not_found("db_missing", "Không có cơ sở dữ liệu " + db + ".");
    if (std::filesystem::exists(out))
      throw invalid("backup_exists", "Tệp " + out + " đã tồn tại; hãy chọn tên khác.");
    auto c = store::open_sqlite(db, {.read_only = true});
    c->backup_to(out);
    auto copy = store::open_sqlite(out, {.read_only = true});
    check_copy(*copy, out);
    std::cout << "Đã sao lưu " << db << " vào " << out << ".\n";
  });

  auto* restore =
      app.add_subcommand("restore", "Khôi phục cơ sở dữ liệu từ tệp sao lưu (dừng máy chủ trước)");
  restore->add_option("--db", db, "Tệp cơ sở dữ liệu sẽ bị thay thế")->capture_default_str();
  restore->add_option("--from", from, "Tệp sao lưu")->required()->check(CLI::ExistingFile);
  restore->callback([] {
    sqlite_only(db, "dùng pg_restore");
    auto src = store::open_sqlite(from, {.read_only = true});
    check_copy(*src, from);
    src->backup_to(db);
    std::cout << "Đã khôi phục " << db << " từ " << from << ".\n";
  });
}

}  // namespace caunoi::cli
