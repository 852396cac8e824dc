// http/server.cpp — Boost.Beast transport; see server.h.
//
// Two kinds of threads. One I/O thread runs the io_context: accepting, reading and writing, all
// asynchronous, each connection on its own strand. Route handlers are synchronous (they touch
// SQLite and may wait on its busy timeout), so they run on a pool of workers, one per core, and
// post their response back to the connection's strand. A slow handler therefore never stops
// the server from reading other requests — a large upload's body keeps arriving while every
// worker waits on a write lock — and /healthz answers as soon as a worker is free.
//
// Every connection is admitted by ConnectionLimits before a Session exists, so one refused
// under a flood costs a 503 written from a static string and a close, nothing more.
#include "http/server.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>
#include <unordered_map>

#include "api/router.h"
#include "http/client_address.h"
#include "http/connection_limits.h"
#include "http/rate_limiter.h"
#include "http/static_files.h"

namespace caunoi::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

std::string pct_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else if (plus_is_space && s[i] == '+') {
      out += ' ';
    } else {
      out += s[i];
    }
  }
  return out;
}

// The body is moved, not copied: an upload may be 64 MiB.
api::Request to_api(bhttp::request<bhttp::string_body>& in, const std::string& remote) {
  api::Request r;
  r.method = std::string(in.method_string());
  std::string_view target = in.target();
  auto q = target.find('?');
  r.path = pct_decode(target.substr(0, q), false);
  if (q != std::string_view::npos) {
    std::string_view qs = target.substr(q + 1);
    while (!qs.empty()) {
      auto amp = qs.find('&');
      auto pair = qs.substr(0, amp);
      auto eq = pair.find('=');
      if (!pair.empty())
        r.query[pct_decode(pair.substr(0, eq), true)] =
            eq == std::string_view::npos ? "" : pct_decode(pair.substr(eq + 1), true);
      if (amp == std::string_view::npos) break;
      qs.remove_prefix(amp + 1);
    }
  }
  for (const auto& f : in) {
    std::string name(f.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r.headers[name] = std::string(f.value());
  }
  r.body = std::move(in.body());
  r.remote = remote;
  return r;
}

void security_headers(bhttp::response<bhttp::string_body>& res) {
  res.set("X-Content-Type-Options", "nosniff");
  res.set("X-Frame-Options", "DENY");
  res.set("Referrer-Policy", "same-origin");
  res.set("Content-Security-Policy",
          "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
          "script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
}

// The whole answer to a connection refused at admission, built once: no parser, no session.
std::string refusal(std::string_view code, std::string_view message) {
  std::string body = R"({"error":{"code":")" + std::string(code) + R"(","message":")" +
                     std::string(message) + "\"}}";
  return "HTTP/1.1 503 Service Unavailable\r\nServer: caunoi\r\n"
         "Content-Type: application/json; charset=utf-8\r\nRetry-After: 5\r\n"
         "Connection: close\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

ServerOptions with_caps(ServerOptions opt) {
  if (!opt.max_connections || !opt.max_connections_per_address) {
    ConnectionCaps caps = default_caps(raise_fd_limit());
    if (!opt.max_connections) opt.max_connections = caps.total;
    if (!opt.max_connections_per_address) opt.max_connections_per_address = caps.per_address;
  }
  return opt;
}

}  // namespace

struct Server::Impl {
  const api::Router& router;
  ServerOptions opt;
  asio::io_context ioc;
  tcp::acceptor acceptor{ioc};
  asio::signal_set signals{ioc};
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
  std::unique_ptr<asio::thread_pool> workers;  // route handlers; created by run()
  StaticFiles statics;
  RateLimiter limiter;
  ConnectionLimits limits;
  std::atomic<uint64_t> refused{0}, evicted{0}, accept_errors{0};

  // Accept errors come in bursts (out of descriptors until some close): the pause grows from
  // 50 to 500 ms and the burst is logged when it starts and when it ends, not per error.
  asio::steady_timer accept_pause{ioc};
  std::chrono::milliseconds pause{0};
  uint64_t burst_errors = 0;

  struct Session;
  std::mutex sessions_m;
  std::unordered_map<uint64_t, std::shared_ptr<Session>> sessions;

  Impl(const api::Router& r, ServerOptions o)
      : router(r),
        opt(with_caps(std::move(o))),
        statics(opt.static_dir),
        limiter(opt.rate_per_second, opt.rate_burst),
        limits({opt.max_connections, opt.max_connections_per_address}) {}

  struct Session : std::enable_shared_from_this<Session> {
    Impl& srv;
    beast::tcp_stream stream;
    beast::flat_buffer buffer;
    std::optional<bhttp::request_parser<bhttp::string_body>> parser;
    bhttp::response<bhttp::string_body> res;
    std::string remote;
    uint64_t id;        // in ConnectionLimits
    bool busy = false;  // between the end of the headers and the end of the response write
    size_t limit = 0;   // body limit of the request being read

    Session(Impl& s, tcp::socket sock, uint64_t id, std::string peer)
        : srv(s), stream(std::move(sock)), remote(std::move(peer)), id(id) {}

    void start() {
      asio::dispatch(stream.get_executor(), [self = shared_from_this()] { self->read(); });
    }

    void read() {
      if (srv.stopping) return close();
      parser.emplace();
      parser->header_limit(16 * 1024);
      parser->body_limit(srv.opt.upload_limit);  // tightened per route once headers are read
      srv.limits.set_idle(id, true);
      stream.expires_after(srv.opt.idle_timeout);
      bhttp::async_read_header(
          stream, buffer, *parser,
          [self = shared_from_this()](beast::error_code ec, size_t) { self->on_header(ec); });
    }

    void on_header(beast::error_code ec) {
      srv.limits.set_idle(id, false);
      if (ec) return close();
      busy = true;
      auto target = parser->get().target();
      bool upload =
          target.starts_with("/api/v1/imports") || target.starts_with("/api/v1/qa/import");
      limit = upload ? srv.opt.upload_limit : srv.opt.body_limit;
      auto len = parser->content_length();
      if (len && *len > limit) return reject_too_large(limit);
      parser->body_limit(limit);
      read_body();
    }

    // Piece by piece, each with a fresh deadline: a slow upload lives while bytes keep coming.
    void read_body() {
      if (parser->is_done()) return on_read({});
      stream.expires_after(srv.opt.read_timeout);
      bhttp::async_read_some(stream, buffer, *parser,
                             [self = shared_from_this()](beast::error_code ec, size_t) {
                               if (ec) return self->on_read(ec);
                               self->read_body();
                             });
    }

    void reject_too_large(size_t limit) {
      api::Response r = api::Response::error(
          Error(ErrorKind::too_large, "body_too_large",
                "Nội dung yêu cầu vượt quá giới hạn " + std::to_string(limit / 1024) + " KB."));
      send(r, false);
    }

    void on_read(beast::error_code ec) {
      if (ec == bhttp::error::body_limit) return reject_too_large(limit);
      if (ec) return close();
      ++srv.in_flight;
      auto req = std::make_shared<bhttp::request<bhttp::string_body>>(parser->release());
      asio::post(*srv.workers, [self = shared_from_this(), req] {
        api::Response r = self->handle(*req);
        // Decided after the handler ran: a stop() during it closes the connection after the reply.
        bool keep = req->keep_alive() && !self->srv.stopping;
        asio::post(self->stream.get_executor(), [self, req, r = std::move(r), keep] {
          self->send(r, keep, req->version(), true);
        });
      });
    }

    // On a worker thread: the rate limit, then the router or the static files.
    api::Response handle(bhttp::request<bhttp::string_body>& req) {
      api::Response r;
      std::string_view target = req.target();
      bool api_path =
          target.starts_with("/api/") || target == "/healthz" || target.starts_with("/healthz?");
      int wait_s = 0;
      const std::string client =
          client_address(remote, req["X-Forwarded-For"], srv.opt.trusted_proxies);
      if (target.starts_with("/api/") &&
          !srv.limiter.allow(client, RateLimiter::Clock::now(), &wait_s)) {
        r = api::Response::error(Error(ErrorKind::rate_limited, "rate_limited",
                                       "Quá nhiều yêu cầu từ địa chỉ này; vui lòng thử lại sau " +
                                           std::to_string(wait_s) + " giây."));
        r.headers.emplace_back("Retry-After", std::to_string(wait_s));
      } else if (api_path || srv.statics.empty()) {
        r = srv.router.dispatch(to_api(req, client));
      } else {
        r = srv.statics.serve(std::string(target.substr(0, target.find('?'))));
      }
      if (req.method() == bhttp::verb::head) r.body.clear();
      return r;
    }

    // counted: the request was counted in in_flight, which stop() waits on until written.
    void send(const api::Response& r, bool keep, unsigned version = 11, bool counted = false) {
      res = {};
      res.version(version);
      res.result(static_cast<bhttp::status>(r.status));
      res.set(bhttp::field::server, "caunoi");
      res.set(bhttp::field::content_type, r.content_type);
      for (const auto& [k, v] : r.headers) res.set(k, v);
      security_headers(res);
      res.body() = r.body;
      res.keep_alive(keep);
      res.prepare_payload();
      stream.expires_after(srv.opt.read_timeout);
      bhttp::async_write(stream, res,
                         [self = shared_from_this(), keep, counted](beast::error_code ec, size_t) {
                           self->busy = false;
                           if (counted) --self->srv.in_flight;
                           if (ec || !keep) return self->close();
                           self->read();
                         });
    }

    // Also how an evicted connection ends; a second call finds nothing left to do.
    void close() {
      beast::error_code ec;
      stream.socket().shutdown(tcp::socket::shutdown_send, ec);
      stream.socket().close(ec);
      srv.limits.release(id);
      std::lock_guard g(srv.sessions_m);
      srv.sessions.erase(id);
    }
  };

  void accept() {
    acceptor.async_accept(asio::make_strand(ioc), [this](beast::error_code ec, tcp::socket s) {
      if (stopping) return;
      if (ec) return accept_failed(ec);
      if (burst_errors) {
        spdlog::info("Đã nhận kết nối trở lại sau {} lần lỗi.", burst_errors);
        burst_errors = 0;
        pause = {};
      }
      admit(std::move(s));
      accept();
    });
  }

  // Re-arming at once kept the I/O thread spinning on EMFILE while nothing could be accepted.
  void accept_failed(beast::error_code ec) {
    ++accept_errors;
    // The client gave up before accept: nothing is wrong on this side.
    if (ec == asio::error::connection_aborted) return accept();
    if (burst_errors++ == 0)
      spdlog::warn("Không nhận được kết nối mới ({}); thử lại sau mỗi 50–500 ms.", ec.message());
    pause = std::clamp(pause * 2, std::chrono::milliseconds(50), std::chrono::milliseconds(500));
    accept_pause.expires_after(pause);
    accept_pause.async_wait([this](beast::error_code ec) {
      if (!ec && !stopping) accept();
    });
  }

  void admit(tcp::socket s) {
    beast::error_code ec;
    auto ep = s.remote_endpoint(ec);
    if (ec) return;  // already reset by the client
    std::string peer = ep.address().to_string();
    auto a = limits.admit(is_trusted_proxy(peer, opt.trusted_proxies) ? "" : peer);
    if (a.verdict != ConnectionLimits::Verdict::admitted)
      return refuse(s, a.verdict == ConnectionLimits::Verdict::address_full);
    auto sess = std::make_shared<Session>(*this, std::move(s), a.id, std::move(peer));
    std::shared_ptr<Session> victim;
    {
      std::lock_guard g(sessions_m);
      sessions.emplace(a.id, sess);
      if (a.evicted) {
        auto it = sessions.find(*a.evicted);
        if (it != sessions.end()) victim = it->second;
      }
    }
    if (victim) {
      ++evicted;
      asio::post(victim->stream.get_executor(), [victim] { victim->close(); });
    }
    sess->start();
  }

  // A fresh socket's send buffer is empty, so this short write completes without blocking.
  void refuse(tcp::socket& s, bool per_address) {
    static const std::string address_full = refusal(
        "too_many_connections",
        "Địa chỉ này đang mở quá nhiều kết nối tới máy chủ; vui lòng đóng bớt rồi thử lại.");
    static const std::string server_full =
        refusal("server_busy", "Máy chủ đang có quá nhiều kết nối; vui lòng thử lại sau ít phút.");
    ++refused;
    beast::error_code ec;
    s.non_blocking(true, ec);
    s.send(asio::buffer(per_address ? address_full : server_full), 0, ec);
    s.shutdown(tcp::socket::shutdown_send, ec);
    s.close(ec);
  }

  void begin_stop() {
    if (stopping.exchange(true)) return;
    spdlog::info("Đang dừng máy chủ: không nhận kết nối mới, chờ các yêu cầu đang xử lý...");
    beast::error_code ec;
    acceptor.close(ec);
    accept_pause.cancel();
    signals.cancel(ec);
    // Idle keep-alive connections are closed now; busy ones close after their response.
    auto deadline = std::make_shared<asio::steady_timer>(ioc);
    auto poll = std::make_shared<std::function<void(int)>>();
    *poll = [this, deadline, poll](int ticks) {
      std::vector<std::shared_ptr<Session>> idle;
      {
        std::lock_guard g(sessions_m);
        for (const auto& [id, s] : sessions) idle.push_back(s);
      }
      for (auto& s : idle)
        asio::post(s->stream.get_executor(), [s] {
          if (!s->busy) s->stream.cancel();
        });
      bool drained = in_flight == 0;
      if (drained || ticks * 100 >= opt.grace.count() * 1000) {
        if (!drained) spdlog::warn("Hết thời gian chờ, dừng các yêu cầu còn lại.");
        ioc.stop();
        *poll = nullptr;
        return;
      }
      deadline->expires_after(std::chrono::milliseconds(100));
      deadline->async_wait([poll, ticks](beast::error_code) {
        if (*poll) (*poll)(ticks + 1);
      });
    };
    (*poll)(0);
  }
};

Server::Server(const api::Router& router, ServerOptions opt)
    : impl_(std::make_unique<Impl>(router, std::move(opt))) {
  auto& im = *impl_;
  tcp::endpoint ep{asio::ip::make_address(im.opt.host), im.opt.port};
  im.acceptor.open(ep.protocol());
  im.acceptor.set_option(asio::socket_base::reuse_address(true));
  im.acceptor.bind(ep);
  im.acceptor.listen(asio::socket_base::max_listen_connections);
}

Server::~Server() = default;

uint16_t Server::port() const {
  return impl_->acceptor.local_endpoint().port();
}

void Server::handle_signals() {
  auto& im = *impl_;
  im.signals.add(SIGTERM);
  im.signals.add(SIGINT);
  im.signals.async_wait([&im](beast::error_code ec, int) {
    if (!ec) im.begin_stop();
  });
}

void Server::run() {
  auto& im = *impl_;
  int n = im.opt.threads > 0 ? im.opt.threads : std::max(1u, std::thread::hardware_concurrency());
  im.workers = std::make_unique<asio::thread_pool>(static_cast<size_t>(n));
  im.accept();
  im.ioc.run();        // the I/O thread; returns once begin_stop() has drained (or timed out)
  im.workers->join();  // a handler still running past the grace period finishes, unanswered
  std::lock_guard g(im.sessions_m);
  im.sessions.clear();
}

ServerStats Server::stats() const {
  const auto& im = *impl_;
  return {im.limits.open(),  im.opt.max_connections, im.opt.max_connections_per_address,
          im.refused.load(), im.evicted.load(),      im.accept_errors.load()};
}

void Server::stop() {
  asio::post(impl_->ioc, [this] { impl_->begin_stop(); });
}

}  // namespace caunoi::http
