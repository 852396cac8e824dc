// store/retry.h — a write transaction that is run again when it met another one.
//
// On PostgreSQL two SERIALIZABLE transactions that could not have run one after the other, or
// that deadlock, end one of them with db_serialization (SQLSTATE 40001, 40P01). Nothing of it was
// written, and running the same work again is the cure, so the unit of retry is the whole
// transaction: with_retry opens it, calls fn, commits, and on db_serialization (from fn or from
// the commit) rolls back, waits a little and starts over; rerun_on_conflict does the same for
// work that opens its transactions itself. fn must therefore read what it needs
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

// Runs fn, and runs it again on db_serialization, for work that opens its own transactions (a
// request handler whose service calls commit inside): everything fn did in the database was
// rolled back when the error came out, and its effects elsewhere must follow its commits.
template <class Fn>
auto rerun_on_conflict(Fn&& fn, const RetryPolicy& p = {}) -> std::invoke_result_t<Fn&> {
  for (int attempt = 1;; ++attempt) {
    try {
      return fn();
    } catch (const Error& e) {
      if (!is_retryable(e) || attempt >= p.attempts) throw;
    }
    detail::retry_wait(attempt, p);
  }
}

// fn run inside a write transaction that with_retry opens and commits, all again on
// db_serialization.
template <class Fn>
auto with_retry(Connection& c, Fn&& fn, const RetryPolicy& p = {}) -> std::invoke_result_t<Fn&> {
  return rerun_on_conflict(
      [&]() -> std::invoke_result_t<Fn&> {
        Transaction tx(c);
        if constexpr (std::is_void_v<std::invoke_result_t<Fn&>>) {
          fn();
          tx.commit();
        } else {
          auto out = fn();
          tx.commit();
          return out;
        }
      },
      p);
}

}  // namespace caunoi::store
