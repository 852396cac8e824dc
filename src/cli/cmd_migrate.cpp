// cli/cmd_migrate.cpp — `caunoi migrate --from caunoi.db --to postgresql://…`: a province's
// SQLite file moved whole into a new PostgreSQL database (app/migrate.h), table by table on the
// terminal, with each table's rows and checksum compared before anything is kept.
#include <cstdio>
#include <iostream>

#include "app/migrate.h"
#include "cli/commands.h"
#include "common/utf8.h"
#include "store/open.h"

namespace caunoi::cli {

void add_migrate(CLI::App& app, int&) {
  auto* cmd = app.add_subcommand(
      "migrate", "Chuyển toàn bộ cơ sở dữ liệu sang nơi khác (tệp SQLite sang PostgreSQL)");
  static std::string from, to;
  cmd->add_option("--from", from, "Cơ sở dữ liệu nguồn (tệp SQLite)")->required();
  cmd->add_option("--to", to, "Cơ sở dữ liệu đích mới (postgresql://…)")->required();
  cmd->callback([] {
    std::cerr << "Chuyển " << from << " sang " << store::display_name(to) << "…\n";
    auto moved =
        app::migrate_database(from, to, app::locate(), [](const std::string& table, int64_t rows) {
          std::cerr << "  " << table << ": " << rows << " dòng\n";
        });
    int64_t rows = 0;
    // Padded by the columns text takes: printf's widths count bytes, and "số dòng" has 10.
    std::cout << pad_right("bảng", 28) << ' ' << pad_left("số dòng", 12)
              << "  tổng kiểm (nguồn = đích)\n";
    for (const auto& t : moved) {
      char checksum[17];
      std::snprintf(checksum, sizeof checksum, "%016llx",
                    static_cast<unsigned long long>(t.checksum));
      std::cout << pad_right(t.name, 28) << ' ' << pad_left(std::to_string(t.rows), 12) << "  "
                << checksum << '\n';
      rows += t.rows;
    }
    std::cout << "Đã chuyển " << moved.size() << " bảng, " << rows
              << " dòng; số dòng và tổng kiểm của từng bảng khớp.\n";
  });
}

}  // namespace caunoi::cli
