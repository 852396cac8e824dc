// changes/feed.h — the change feed between servers that share one database.
//
// A server keeps some of the database in memory (the analytics cube, the approved-data engine,
// the Q&A engine, the reference lists). When another server, or a command such as
// `caunoi import`, writes, that memory must follow. Each service that changes such data appends
// an entry (part, payload) to the table change_log in the transaction of its change, so the
// entry exists exactly when the change does. Every server follows the log by sequence number
// (Follower) and hands entries written by others to the part that owns them; entries are marked
// with the writing server (Connection::writer), which already applied its own change in memory.
//
// Why a polled log rather than LISTEN/NOTIFY alone: docs/scaling.md § "Several servers".
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>

#include "store/store.h"

namespace caunoi::changes {

void migrate(store::Connection& c);

// Appends an entry in the caller's write transaction (std::logic_error outside one). Call it
// after the writes it tells of: two changes of one row then take their sequence numbers in the
// order they commit, and the number waits for its commit only a moment. payload is the part's
// own JSON text.
void record(store::Connection& c, std::string_view part, std::string_view payload);

struct Entry {
  int64_t seq = 0;
  std::string writer;  // Connection::writer of the writing connection; "" for a command
  std::string part;
  std::string payload;
};

// The highest sequence number visible, and whether `part` wrote an entry above `seq`: for what
// a server loads before it can take its snapshot (the Q&A bank, prepared at start).
int64_t last_seq(store::Connection& c);
bool written_since(store::Connection& c, int64_t seq, std::string_view part);

// A new random name for a server (16 hex digits), for Connection::set_writer.
std::string new_writer_name();

// Follows the log for one server. Not thread-safe: one thread polls.
class Follower {
 public:
  using Clock = std::chrono::steady_clock;
  // How long a missing sequence number is waited for before it is taken as a transaction that
  // rolled back. A number is drawn at the end of its transaction, so it is missing only for
  // the moment of its commit.
  static constexpr std::chrono::seconds kGapWait{30};

  explicit Follower(std::string self) : self_(std::move(self)) {}

  // Takes every entry visible to `c` now as already reflected in memory. Call it in the same
  // read transaction as the loading of that memory.
  void start_at(store::Connection& c);
  // Hands each entry not yet seen, written by another writer, to `apply`, in sequence order;
  // returns how many were applied. An exception from `apply` leaves that entry unseen.
  size_t poll(store::Connection& c, const std::function<void(const Entry&)>& apply,
              Clock::time_point now = Clock::now());
  // Deletes entries older than `age` (every server starts from the tables, not the log).
  static int64_t prune(store::Connection& c, std::chrono::seconds age);

  int64_t settled() const { return low_; }  // every entry up to here is seen or given up

 private:
  void advance(Clock::time_point now);

  std::string self_;
  int64_t low_ = 0;
  std::set<int64_t> seen_;  // seen entries above low_
  int64_t gap_at_ = -1;     // low_ when the current gap was first met
  Clock::time_point gap_since_;
};

}  // namespace caunoi::changes
