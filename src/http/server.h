// http/server.h — the HTTP/1.1 server (Boost.Beast), the only place that includes Beast.
//
// Turns wire requests into api::Request, runs the Router on one of `threads` workers (I/O has
// its own thread, so a handler waiting on the database never stalls reading), and writes
// api::Response back. Also serves the built web front end (web/dist) for every non-API path,
// with index.html as the fallback for client-side routes. Limits: request body size (larger for
// uploads to /api/v1/imports), open connections in total and per client address
// (connection_limits.h; 503 past them), a deadline for a request header to arrive (on a new or an
// idle keep-alive connection), a body that must keep arriving, API requests per client address
// (rate_limiter.h; 429 with Retry-After), and accept errors (out of descriptors) retried after a
// growing pause rather than at once. stop() stops accepting, lets in-flight requests finish (up to
// a grace period) and returns from run().
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace caunoi::api {
class Router;
}

namespace caunoi::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;               // 0 picks a free port (see Server::port)
  int threads = 0;                    // 0 = one per core
  size_t body_limit = 1 << 20;        // 1 MiB for JSON
  size_t upload_limit = 64ull << 20;  // 64 MiB for file imports
  // Open connections; 0 = derived from RLIMIT_NOFILE (connection_limits.h: default_caps), which
  // the server first raises to its hard limit.
  size_t max_connections = 0;
  size_t max_connections_per_address = 0;
  // A request header must arrive whole within this, on a new connection or an idle keep-alive one.
  std::chrono::milliseconds idle_timeout{std::chrono::seconds(15)};
  // A body may stall this long between two pieces (so a large upload over a slow line takes as
  // long as it needs while bytes keep coming); a response must be written within it.
  std::chrono::milliseconds read_timeout{std::chrono::seconds(30)};
  double rate_per_second = 20;  // API requests per client address; 0 = no limit
  double rate_burst = 100;      // a page load fires a dozen calls at once
  // Reverse proxies whose X-Forwarded-For is believed (client_address.h); none by default.
  std::vector<std::string> trusted_proxies;
  std::chrono::seconds grace{10};    // how long in-flight requests may run after stop()
  std::filesystem::path static_dir;  // web/dist; empty = no static files
};

struct ServerStats {
  size_t open = 0;             // connections open now
  size_t max_connections = 0;  // the caps in force, after deriving defaults
  size_t max_connections_per_address = 0;
  uint64_t refused = 0;        // answered 503 and closed at once
  uint64_t evicted = 0;        // idle connections closed to make room for a newcomer
  uint64_t accept_errors = 0;  // accept failures (EMFILE, ENFILE, ...)
};

class Server {
 public:
  Server(const api::Router& router, ServerOptions opt);
  ~Server();
  uint16_t port() const;      // the bound port
  void run();                 // blocks until stop() (or SIGTERM/SIGINT if handle_signals)
  void stop();                // thread-safe
  void handle_signals();      // SIGTERM/SIGINT call stop()
  ServerStats stats() const;  // thread-safe

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caunoi::http
