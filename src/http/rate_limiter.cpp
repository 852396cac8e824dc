// http/rate_limiter.cpp — token buckets per client address; see rate_limiter.h.
#include "http/rate_limiter.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace caunoi::http {

RateLimiter::RateLimiter(double per_second, double burst, size_t max_clients)
    : per_second_(per_second), burst_(std::max(1.0, burst)), max_clients_(max_clients) {}

bool RateLimiter::allow(const std::string& client, Clock::time_point now, int* retry_after_s) {
  if (!enabled()) return true;
  std::lock_guard lock(m_);
  auto it = buckets_.find(client);
  if (it == buckets_.end()) {
    if (buckets_.size() >= max_clients_) prune(now);
    it = buckets_.emplace(client, Bucket{burst_, now}).first;
  }
  Bucket& b = it->second;
  double elapsed = std::chrono::duration<double>(now - b.last).count();
  b.tokens = std::min(burst_, b.tokens + std::max(0.0, elapsed) * per_second_);
  b.last = now;
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return true;
  }
  if (retry_after_s) *retry_after_s = static_cast<int>(std::ceil((1.0 - b.tokens) / per_second_));
  return false;
}

size_t RateLimiter::clients() const {
  std::lock_guard lock(m_);
  return buckets_.size();
}

void RateLimiter::prune(Clock::time_point now) {
  // A bucket that would be full again by now carries no memory worth keeping.
  std::erase_if(buckets_, [&](const auto& kv) {
    double elapsed = std::chrono::duration<double>(now - kv.second.last).count();
    return kv.second.tokens + elapsed * per_second_ >= burst_;
  });
  // Still full of active clients: forget the oldest half rather than grow without bound.
  if (buckets_.size() >= max_clients_) {
    std::vector<std::pair<Clock::time_point, std::string>> by_age;
    for (const auto& [k, b] : buckets_) by_age.emplace_back(b.last, k);
    std::sort(by_age.begin(), by_age.end());
    for (size_t i = 0; i < by_age.size() / 2; ++i) buckets_.erase(by_age[i].second);
  }
}

}  // namespace caunoi::http
