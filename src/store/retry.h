// store/retry.h — a write transaction that is run again when it met another one.
//
// On PostgreSQL two SERIALIZABLE transactions that could not have run one after the other, or
// that deadlock, end one of them with db_serialization (SQLSTATE 40001, 40P01). Nothing of it was
// written, and running the same work again is the cure, so the unit of retry is the whole
// transaction: with_retry opens it, calls fn, commits, and on db_serialization (from fn or from
// the commit) rolls back, waits a little and starts over. fn must therefore read what it needs
// afresh inside, and keep its effects outside the database (caches, notifications) until
// with_retry has returned. SQLite never raises db_serialization: its writers queue instead.
#pragma once

#include <chrono>
#include <type_traits>

#include "common/error.h"
#include "store/store.h"

namespace caunoi::store {

struct RetryPolicy {
  int attempts = 8;
  // Waits grow from this, doubling, with random jitter, so that two losers do not meet again.
  std::chrono::milliseconds first_wait{2};
};

// True for the errors that with_retry runs again.
bool is_retryable(const Error& e);

namespace detail {
void retry_wait(int attempt, const RetryPolicy& p);
}

template <class Fn>
auto with_retry(Connection& c, Fn&& fn, const RetryPolicy& p = {}) -> std::invoke_result_t<Fn&> {
  for (int attempt = 1;; ++attempt) {
    try {
      Transaction tx(c);
      if constexpr (std::is_void_v<std::invoke_result_t<Fn&>>) {
        fn();
        tx.commit();
        return;
      } else {
        auto out = fn();
        tx.commit();
        return out;
      }
    } catch (const Error& e) {
      if (!is_retryable(e) || attempt >= p.attempts) throw;
    }
    detail::retry_wait(attempt, p);
  }
}

}  // namespace caunoi::store
