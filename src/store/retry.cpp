// store/retry.cpp — see retry.h.
#include "store/retry.h"

#include <algorithm>
#include <random>
#include <thread>

namespace caunoi::store {

bool is_retryable(const Error& e) {
  return e.code() == "db_serialization";
}

void detail::retry_wait(int attempt, const RetryPolicy& p) {
  thread_local std::minstd_rand rng{std::random_device{}()};
  auto ceiling = p.first_wait * (1 << std::min(attempt - 1, 10));
  std::uniform_int_distribution<int64_t> pick(ceiling.count() / 2, ceiling.count());
  std::this_thread::sleep_for(std::chrono::milliseconds(pick(rng)));
}

}  // namespace caunoi::store
