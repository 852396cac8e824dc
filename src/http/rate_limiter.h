// http/rate_limiter.h — requests per client address, as token buckets.
//
// Each client address owns a bucket of `burst` tokens refilled at `per_second`; a request takes
// one, and an empty bucket means 429 with the seconds to wait. A page load of the web app issues
// a dozen API calls at once, hence a burst well above the steady rate. Buckets of clients that
// went quiet are dropped when the table grows, so a scan from many addresses cannot exhaust
// memory. Keyed by the client's address as client_address.h finds it: the socket's peer, or,
// behind a reverse proxy named with `caunoi serve --trusted-proxy`, the address it forwarded.
// No Beast here, so the policy is tested without sockets.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace caunoi::http {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // per_second <= 0 turns limiting off.
  RateLimiter(double per_second, double burst, size_t max_clients = 10000);

  // True if `client` may make a request at `now`; otherwise *retry_after_s is how long until a
  // token is back (rounded up to a whole second, as Retry-After wants).
  bool allow(const std::string& client, Clock::time_point now, int* retry_after_s = nullptr);
  bool enabled() const { return per_second_ > 0; }
  size_t clients() const;

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;
  };
  void prune(Clock::time_point now);  // caller holds m_

  double per_second_, burst_;
  size_t max_clients_;
  mutable std::mutex m_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace caunoi::http
