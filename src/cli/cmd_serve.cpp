// cli/cmd_serve.cpp — `caunoi serve`: the API and the web app on one port.
#include <spdlog/spdlog.h>

#include <thread>

#include "app/runtime.h"
#include "cli/commands.h"
#include "http/server.h"

namespace caunoi::cli {

void add_serve(CLI::App& app, int&) {
  auto* cmd = app.add_subcommand("serve", "Chạy máy chủ web và API");
  static std::string db = "caunoi.db", host = "127.0.0.1";
  static uint16_t port = 8080;
  static int threads = 0;
  static size_t import_workers = activities::ImportQueue{}.workers;
  static double rate = http::ServerOptions{}.rate_per_second;
  static std::vector<std::string> proxies;
  cmd->add_option("--db", db, "Tệp cơ sở dữ liệu SQLite")->capture_default_str();
  cmd->add_option("--port", port, "Cổng (0 = chọn cổng trống)")->capture_default_str();
  cmd->add_option("--host", host, "Địa chỉ lắng nghe")->capture_default_str();
  cmd->add_option("--threads", threads, "Số luồng xử lý (0 = mỗi lõi một luồng)");
  cmd->add_option("--import-workers", import_workers,
                  "Số lượt nhập tệp chạy cùng lúc (các lượt khác xếp hàng chờ)")
      ->capture_default_str()
      ->check(CLI::Range(size_t{1}, size_t{16}));
  cmd->add_option("--rate-limit", rate,
                  "Số yêu cầu API mỗi giây cho mỗi địa chỉ máy khách (0 = không giới hạn)")
      ->capture_default_str();
  cmd->add_option("--trusted-proxy", proxies,
                  "Địa chỉ IP của máy chủ proxy ngược (nginx…) được tin tiêu đề X-Forwarded-For; "
                  "có thể ghi nhiều lần");
  cmd->callback([] {
    int n =
        threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    auto paths = app::locate();
    // Each running import holds a connection for its whole length: one more each.
    app::RuntimeOptions ropt;
    ropt.imports.workers = import_workers;
    app::Runtime rt(db, paths, n + static_cast<int>(import_workers), ropt);
    rt.warm_up();
    http::ServerOptions opt;
    opt.host = host;
    opt.port = port;
    opt.threads = n;
    opt.rate_per_second = rate;
    opt.trusted_proxies = proxies;
    opt.static_dir = paths.web_dir;
    http::Server server(rt.router(), opt);
    server.handle_signals();
    // The line tests and scripts wait for; keep its shape.
    spdlog::info("caunoi đang phục vụ tại http://{}:{} (cơ sở dữ liệu {}, {} luồng)", host,
                 server.port(), db, n);
    server.run();
    spdlog::info("Máy chủ đã dừng; cơ sở dữ liệu đã đóng.");
  });
}

}  // namespace caunoi::cli
