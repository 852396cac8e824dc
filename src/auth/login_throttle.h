// auth/login_throttle.h — the auth_login_throttle table: how many sign-ins failed lately per
// (user name as typed, client address) and per client address, and until when each is refused.
//
// Why not lock the account: a lock-out lets anyone shut the administrator out and tells which
// names exist (only real accounts got locked). Slowing down the address that fails instead costs
// an attacker time without costing the real user anything from their own address, and it keys on
// the name as typed, so a name that exists and one that does not are slowed down alike.
//
// The state is a database table, not memory, so that several servers sharing one database slow
// down the same attacker. Each write is a single statement, so no transaction is needed and a
// caller inside one is not disturbed. Times are unix seconds from the caller's clock.
#pragma once

#include <cstdint>
#include <string_view>

#include "store/store.h"

namespace caunoi::auth::throttle {

// Failures allowed before any delay, the first delay (then doubled at each failure) and its cap.
// A failure is forgiven every `forgive_seconds` without one, so an office behind one address
// that mistypes now and then never adds up to a delay.
struct Limits {
  int free_failures;
  int64_t forgive_seconds;
};
// One name from one address: 5 tries, then 1 s, 2 s, 4 s … 15 min; one forgiven per 15 min, so
// an attacker who keeps going stays at the cap. A successful sign-in clears it.
inline constexpr Limits kPerName{5, 15 * 60};
// Every name from one address (guessing one password across many names): 20 tries, then the
// same doubling; one forgiven a minute. A success does not clear it: an attacker with an account
// of their own could otherwise reset it at will.
inline constexpr Limits kPerAddress{20, 60};
inline constexpr int64_t kMaxDelaySeconds = 15 * 60;

// Seconds until `username` may be tried again from `remote` (0 = now).
int64_t wait_seconds(store::Connection& c, std::string_view username, std::string_view remote,
                     int64_t now);
// Counts a failed sign-in under both keys and sets the delay that follows it.
void record_failure(store::Connection& c, std::string_view username, std::string_view remote,
                    int64_t now);
// A correct password: the name's count from that address starts again.
void record_success(store::Connection& c, std::string_view username, std::string_view remote);
// An administrator lifts every delay on a name (from every address).
void clear(store::Connection& c, std::string_view username);

// The delay after the n-th failure in a row under `l` (0 while n is within the free tries).
int64_t delay_after(const Limits& l, int64_t failures);

}  // namespace caunoi::auth::throttle
