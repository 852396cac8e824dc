// cli/cmd_serve.cpp — `caunoi serve`: the API and the web app on one port.
#include <spdlog/spdlog.h>

#include <chrono>
#include <thread>

#include "app/runtime.h"
#include "auth/first_run.h"
#include "cli/commands.h"
#include "http/server.h"
#include "store/open.h"

namespace caunoi::cli {

void add_serve(CLI::App& app, int&) {
  auto* cmd = app.add_subcommand("serve", "Chạy máy chủ web và API");
  static std::string db = "caunoi.db", host = "127.0.0.1";
  static uint16_t port = 8080;
  static int threads = 0;
  static size_t import_workers = activities::ImportQueue{}.workers;
  static double rate = http::ServerOptions{}.rate_per_second;
  static std::vector<std::string> proxies;
  static size_t max_conn = 0, max_conn_per_address = 0;
  static int idle_timeout_s = static_cast<int>(
      std::chrono::duration_cast<std::chrono::seconds>(http::ServerOptions{}.idle_timeout).count());
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
  cmd->add_option("--max-connections", max_conn,
                  "Số kết nối mở tối đa; khi đầy, kết nối mới thay kết nối rảnh lâu nhất "
                  "(0 = tự tính theo giới hạn tệp mở RLIMIT_NOFILE, tối đa 10000)")
      ->capture_default_str();
  cmd->add_option("--max-connections-per-address", max_conn_per_address,
                  "Số kết nối mở tối đa từ một địa chỉ máy khách, trừ proxy tin cậy; vượt thì "
                  "trả 503 (0 = tự tính, tối đa 256)")
      ->capture_default_str();
  cmd->add_option("--idle-timeout", idle_timeout_s,
                  "Số giây chờ phần đầu (header) của một yêu cầu trên kết nối mới hoặc kết nối "
                  "đang rảnh; quá hạn thì đóng kết nối")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
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
    opt.max_connections = max_conn;
    opt.max_connections_per_address = max_conn_per_address;
    opt.idle_timeout = std::chrono::seconds(idle_timeout_s);
    opt.static_dir = paths.web_dir;
    http::Server server(rt.router(), opt);
    server.handle_signals();
    // A database without an administrator: print a one-time link to create the first one.
    {
      auto lease = rt.pool().acquire();
      if (auto token = auth::first_run_token(*lease, rt.auth())) {
        const std::string where = host == "0.0.0.0" || host == "::" ? "localhost" : host;
        spdlog::warn(
            "Chưa có tài khoản quản trị. Mở liên kết dùng một lần này (hết hạn sau 24 giờ) để tạo "
            "tài khoản quản trị đầu tiên với mật khẩu của bạn: http://{}:{}/khoi-tao#{}",
            where, server.port(), *token);
      }
    }
    // The line tests and scripts wait for; keep its shape.
    spdlog::info("caunoi đang phục vụ tại http://{}:{} (cơ sở dữ liệu {}, {} luồng)", host,
                 server.port(), store::display_name(db), n);
    auto st = server.stats();
    spdlog::info("Giới hạn kết nối: {} tổng, {} mỗi địa chỉ; chờ yêu cầu tối đa {} giây",
                 st.max_connections, st.max_connections_per_address, idle_timeout_s);
    server.run();
    spdlog::info("Máy chủ đã dừng; cơ sở dữ liệu đã đóng.");
  });
}

}  // namespace caunoi::cli
