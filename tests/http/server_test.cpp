// tests/http/server_test.cpp — the Beast transport over real loopback sockets: keep-alive,
// body limits, JSON errors, static files with client-route fallback, and a clean stop that lets
// an in-flight request finish.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "api/router.h"
#include "http/client_address.h"
#include "http/rate_limiter.h"
#include "http/server.h"

using namespace caunoi;
using namespace std::chrono_literals;

namespace {

// A minimal blocking HTTP/1.1 client: enough to see exactly what goes over the wire.
class Client {
 public:
  explicit Client(uint16_t port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0)
      throw std::runtime_error("connect");
    timeval tv{10, 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  }
  ~Client() { ::close(fd_); }
  void send(const std::string& s) {
    size_t off = 0;
    while (off < s.size()) {
      ssize_t n = ::send(fd_, s.data() + off, s.size() - off, MSG_NOSIGNAL);
      if (n <= 0) return;  // the server may close early (413); the reply is still readable
      off += static_cast<size_t>(n);
    }
  }
  // Reads one response (headers + Content-Length body). Returns "" on EOF.
  std::string read_response() {
    while (buf_.find("\r\n\r\n") == std::string::npos)
      if (!fill()) return "";
    auto hdr_end = buf_.find("\r\n\r\n") + 4;
    size_t len = 0;
    auto cl = buf_.find("Content-Length: ");
    if (cl != std::string::npos && cl < hdr_end) len = std::stoul(buf_.substr(cl + 16));
    while (buf_.size() < hdr_end + len)
      if (!fill()) break;
    std::string out = buf_.substr(0, hdr_end + len);
    buf_.erase(0, hdr_end + len);
    return out;
  }
  bool closed_by_peer() {
    char c;
    return ::recv(fd_, &c, 1, 0) == 0;
  }

 private:
  bool fill() {
    char tmp[65536];
    ssize_t n = ::recv(fd_, tmp, sizeof tmp, 0);
    if (n <= 0) return false;
    buf_.append(tmp, static_cast<size_t>(n));
    return true;
  }
  int fd_;
  std::string buf_;
};

int status_of(const std::string& resp) {
  return resp.size() > 12 ? std::stoi(resp.substr(9, 3)) : 0;
}
std::string body_of(const std::string& resp) {
  return resp.substr(resp.find("\r\n\r\n") + 4);
}

struct Fixture {
  std::promise<void> let_go;
  std::shared_future<void> release = let_go.get_future().share();
  api::Router router;
  // One directory per process: ctest runs these tests side by side, and one test's clean-up
  // removed the files another was serving (seen once as a 404 in a fresh-clone make test).
  std::filesystem::path web =
      std::filesystem::temp_directory_path() / ("caunoi-web-test-" + std::to_string(::getpid()));
  std::unique_ptr<http::Server> server;
  std::thread thread;

  explicit Fixture(http::ServerOptions opt = {}) {
    std::filesystem::create_directories(web / "assets");
    std::ofstream(web / "index.html") << "<!doctype html><title>caunoi</title>";
    std::ofstream(web / "assets" / "app-123.js") << "console.log(1)";
    router.get("/healthz", [](const api::Request&, const api::Params&) {
      return api::Response::json(boost::json::object{{"status", "ok"}});
    });
    router.post("/api/v1/echo", [](const api::Request& r, const api::Params&) {
      return api::Response::json(r.json_body());
    });
    router.get("/api/v1/blocked", [this](const api::Request&, const api::Params&) {
      release.wait();  // holds a worker until the test lets it go
      return api::Response::json(boost::json::object{{"released", true}});
    });
    router.get("/api/v1/slow", [](const api::Request&, const api::Params&) {
      std::this_thread::sleep_for(400ms);
      return api::Response::json(boost::json::object{{"done", true}});
    });
    opt.port = 0;
    opt.threads = 2;
    opt.body_limit = 1024;
    opt.static_dir = web;
    server = std::make_unique<http::Server>(router, opt);
    thread = std::thread([this] { server->run(); });
  }
  ~Fixture() {
    server->stop();
    thread.join();
    std::filesystem::remove_all(web);
  }
};

}  // namespace

TEST(HttpServer, KeepAliveServesSeveralRequestsOnOneConnection) {
  Fixture f;
  Client c(f.server->port());
  for (int i = 0; i < 3; ++i) {
    c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    auto r = c.read_response();
    EXPECT_EQ(status_of(r), 200);
    EXPECT_EQ(body_of(r), R"({"status":"ok"})");
    EXPECT_NE(r.find("X-Content-Type-Options: nosniff"), std::string::npos);
  }
}

TEST(HttpServer, QueryStringIsDecodedAndJsonErrorsHaveShape) {
  Fixture f;
  Client c(f.server->port());
  c.send(
      "POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
      "9\r\n\r\n{not json");
  auto r = c.read_response();
  EXPECT_EQ(status_of(r), 400);
  EXPECT_NE(body_of(r).find(R"("code":"invalid_json")"), std::string::npos);
  std::string ok = R"({"tên":"Lào Cai"})";
  c.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(ok.size()) +
         "\r\n\r\n" + ok);
  auto r2 = c.read_response();
  EXPECT_EQ(status_of(r2), 200);
  EXPECT_EQ(body_of(r2), ok);
}

TEST(HttpServer, BodyOverTheLimitIs413) {
  Fixture f;
  Client c(f.server->port());
  std::string big(5000, 'x');
  c.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + big);
  auto r = c.read_response();
  EXPECT_EQ(status_of(r), 413);
  EXPECT_NE(body_of(r).find(R"("code":"body_too_large")"), std::string::npos);
}

TEST(HttpServer, ChunkedBodyOverTheLimitIs413) {
  Fixture f;
  Client c(f.server->port());
  std::string chunk(2000, 'y');
  c.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n" +
         chunk + "\r\n0\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response()), 413);
}

TEST(HttpServer, StaticFilesAndClientRoutes) {
  Fixture f;
  Client c(f.server->port());
  c.send("GET /assets/app-123.js HTTP/1.1\r\nHost: x\r\n\r\n");
  auto js = c.read_response();
  EXPECT_EQ(status_of(js), 200);
  EXPECT_NE(js.find("text/javascript"), std::string::npos);
  EXPECT_NE(js.find("immutable"), std::string::npos);
  c.send("GET /bao-cao HTTP/1.1\r\nHost: x\r\n\r\n");  // a client-side route
  auto page = c.read_response();
  EXPECT_EQ(status_of(page), 200);
  EXPECT_NE(body_of(page).find("<title>caunoi</title>"), std::string::npos);
  c.send("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n");
  auto esc = c.read_response();
  EXPECT_EQ(body_of(esc).find("root:"), std::string::npos);
  c.send("GET /assets/missing.js HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response()), 404);
  c.send("GET /api/v1/missing HTTP/1.1\r\nHost: x\r\n\r\n");
  auto api404 = c.read_response();
  EXPECT_EQ(status_of(api404), 404);
  EXPECT_NE(body_of(api404).find("route_not_found"), std::string::npos);
}

TEST(HttpServer, StopLetsInFlightRequestFinish) {
  auto f = std::make_unique<Fixture>();
  Client c(f->server->port());
  Client idle(f->server->port());
  c.send("GET /api/v1/slow HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(100ms);
  f->server->stop();
  auto r = c.read_response();
  EXPECT_EQ(status_of(r), 200);
  EXPECT_EQ(body_of(r), R"({"done":true})");
  EXPECT_NE(r.find("Connection: close"), std::string::npos);
  EXPECT_TRUE(idle.closed_by_peer());
  f.reset();  // run() returned: join succeeds
}

TEST(HttpServer, ApiRequestsOverTheClientRateAre429) {
  http::ServerOptions opt;
  // One token back every 20 s: none returns during the test, even on a machine so loaded (the
  // sanitizer build beside other tests) that these requests take seconds.
  opt.rate_per_second = 0.05;
  opt.rate_burst = 3;
  Fixture f(opt);
  Client c(f.server->port());
  auto post = [&] {
    c.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
    return c.read_response();
  };
  for (int i = 0; i < 3; ++i) EXPECT_EQ(status_of(post()), 200) << i;
  auto r = post();
  EXPECT_EQ(status_of(r), 429);
  EXPECT_NE(body_of(r).find(R"("code":"rate_limited")"), std::string::npos);
  // Whole seconds until a token is back: up to 20, fewer as the test's own time passes.
  auto at = r.find("Retry-After: ");
  ASSERT_NE(at, std::string::npos);
  int wait = std::atoi(r.c_str() + at + 13);
  EXPECT_GE(wait, 1);
  EXPECT_LE(wait, 20);
  // Static files and the health check are not API calls and stay reachable.
  c.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response()), 200);
  c.send("GET /bao-cao HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_of(c.read_response()), 200);
}

// Behind a trusted reverse proxy each forwarded client has its own bucket, and the routes see
// the client's address, not the proxy's; from an untrusted peer the header counts for nothing.
TEST(HttpServer, TrustedProxyForwardsTheClientAddress) {
  http::ServerOptions opt;
  opt.rate_per_second = 0.05;
  opt.rate_burst = 2;
  opt.trusted_proxies = {"127.0.0.1"};
  Fixture f(opt);
  f.router.get("/api/v1/whoami", [](const api::Request& r, const api::Params&) {
    return api::Response::json(boost::json::object{{"remote", r.remote}});
  });
  Client c(f.server->port());
  auto get = [&](const std::string& xff) {
    c.send("GET /api/v1/whoami HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: " + xff + "\r\n\r\n");
    return c.read_response();
  };
  // The client forged the leftmost entry; the proxy appended what it saw.
  auto r = get("6.6.6.6, 10.1.2.3");
  EXPECT_EQ(status_of(r), 200);
  EXPECT_NE(body_of(r).find(R"("remote":"10.1.2.3")"), std::string::npos) << r;
  EXPECT_EQ(status_of(get("10.1.2.3")), 200);
  EXPECT_EQ(status_of(get("10.1.2.3")), 429);  // that client's burst is spent
  EXPECT_EQ(status_of(get("10.9.9.9")), 200);  // another client is not
}

TEST(ClientAddress, RightmostUntrustedHopOfATrustedPeer) {
  const std::vector<std::string> proxies = {"10.0.0.1", "10.0.0.2"};
  // Not from a trusted proxy: the header is ignored.
  EXPECT_EQ(http::client_address("203.0.113.5", "1.2.3.4", proxies), "203.0.113.5");
  // From the proxy: what it appended, skipping proxies in the chain and spaces.
  EXPECT_EQ(http::client_address("10.0.0.1", "1.2.3.4", proxies), "1.2.3.4");
  EXPECT_EQ(http::client_address("10.0.0.1", "9.9.9.9, 1.2.3.4 , 10.0.0.2", proxies), "1.2.3.4");
  EXPECT_EQ(http::client_address("10.0.0.1", "2001:db8::7", proxies), "2001:db8::7");
  // No header, or nothing usable in it: the proxy itself.
  EXPECT_EQ(http::client_address("10.0.0.1", "", proxies), "10.0.0.1");
  EXPECT_EQ(http::client_address("10.0.0.1", "unknown", proxies), "10.0.0.1");
  EXPECT_EQ(http::client_address("10.0.0.1", " , ", proxies), "10.0.0.1");
  // No proxies configured (the default): always the peer.
  EXPECT_EQ(http::client_address("10.0.0.1", "1.2.3.4", {}), "10.0.0.1");
}

TEST(RateLimiter, RefillsOverTimeAndForgetsQuietClients) {
  using namespace std::chrono;
  http::RateLimiter lim(10, 2, 4);
  auto t0 = http::RateLimiter::Clock::time_point{} + hours(1);
  EXPECT_TRUE(lim.allow("a", t0));
  EXPECT_TRUE(lim.allow("a", t0));
  int wait = 0;
  EXPECT_FALSE(lim.allow("a", t0, &wait));
  EXPECT_EQ(wait, 1);
  EXPECT_TRUE(lim.allow("b", t0));                      // another client has its own bucket
  EXPECT_TRUE(lim.allow("a", t0 + milliseconds(100)));  // one token back after 1/10 s
  EXPECT_FALSE(lim.allow("a", t0 + milliseconds(100)));
  for (const char* k : {"c", "d"}) EXPECT_TRUE(lim.allow(k, t0));
  EXPECT_EQ(lim.clients(), 4u);
  // Table full: a newcomer a second later prunes those whose buckets have refilled.
  EXPECT_TRUE(lim.allow("e", t0 + seconds(1)));
  EXPECT_EQ(lim.clients(), 1u);
  http::RateLimiter off(0, 0);
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(off.allow("x", t0));
}

// Handlers run on workers, I/O on its own thread: with the only worker held by a handler, the
// server still reads a whole upload and answers what needs no handler (413), and the held
// request is answered once released.
TEST(HttpServer, BusyWorkersDoNotStopReading) {
  http::ServerOptions opt;
  opt.threads = 1;
  Fixture f(opt);
  Client held(f.server->port());
  held.send("GET /api/v1/blocked HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(100ms);  // let the worker take it
  Client big(f.server->port());
  big.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" +
           std::string(5000, 'x'));
  EXPECT_EQ(status_of(big.read_response()), 413);
  Client queued(f.server->port());
  queued.send("POST /api/v1/echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
  f.let_go.set_value();
  EXPECT_EQ(body_of(held.read_response()), R"({"released":true})");
  EXPECT_EQ(status_of(queued.read_response()), 200);
}
