// cli/cmd_demo.cpp — `caunoi demo`: generate the deterministic demo data set into a database.
#include <spdlog/spdlog.h>

#include <chrono>
#include <filesystem>

#include "app/bootstrap.h"
#include "cli/commands.h"
#include "common/error.h"
#include "demo/demo.h"

namespace caunoi::cli {

void add_demo(CLI::App& app, int&) {
  auto* cmd = app.add_subcommand("demo", "Sinh dữ liệu mẫu (tất cả đơn vị, từ 2021 đến nay)");
  static std::string db = "caunoi.db", until;
  static uint64_t seed = demo::DemoOptions{}.seed;
  static double scale = 1.0;
  static bool quiet = false;
  cmd->add_option("--db", db, "Tệp cơ sở dữ liệu SQLite sẽ tạo")->capture_default_str();
  cmd->add_option("--seed", seed, "Hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu)")
      ->capture_default_str();
  cmd->add_option("--scale", scale, "Hệ số quy mô số liệu (nhỏ hơn 1 cho bộ dữ liệu thử)")
      ->capture_default_str();
  cmd->add_option("--until", until, "Ngày cuối (yyyy-mm-dd), mặc định hôm nay");
  cmd->add_flag("--quiet", quiet, "Không in tiến độ");
  cmd->callback([] {
    sqlite_only(db,
                "sinh dữ liệu mẫu vào một tệp rồi chuyển sang bằng caunoi migrate --from TỆP --to "
                "postgresql://…");
    // Written to a temporary file and renamed at the end: a crash never leaves a half demo db.
    std::string tmp = db + ".tmp";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(tmp + suffix);
    if (std::filesystem::exists(db))
      throw Error(ErrorKind::conflict, "db_exists",
                  "Tệp " + db + " đã tồn tại; xoá tệp hoặc chọn --db khác để sinh dữ liệu mẫu.");
    auto t0 = std::chrono::steady_clock::now();
    auto paths = app::locate();
    demo::DemoOptions opt;
    opt.seed = seed;
    opt.scale = scale;
    opt.data_dir = paths.data_dir;
    if (!until.empty()) {
      auto d = Date::parse(until);
      if (!d) throw invalid("bad_date", "Ngày --until không hợp lệ: " + until);
      opt.to = *d;
    }
    {
      auto c = app::open_database(tmp, paths);
      auto g = places::Gazetteer::load(*c);
      demo::Progress progress(!quiet);
      demo::generate(*c, g, opt, progress);
      c->exec_script("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    std::filesystem::rename(tmp, db);
    for (const char* suffix : {"-wal", "-shm"}) std::filesystem::remove(tmp + suffix);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    spdlog::info("Đã sinh dữ liệu mẫu vào {} trong {:.1f} giây.", db, s);
  });
}

}  // namespace caunoi::cli
