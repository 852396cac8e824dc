// changes/feed.cpp — see feed.h.
#include "changes/feed.h"

#include <random>
#include <stdexcept>
#include <vector>

#include "store/migrations.h"

namespace caunoi::changes {

namespace {

// id is the entry's sequence number. AUTOINCREMENT: SQLite never gives a number again, even after
// pruning emptied the table, so a follower's position stays meaningful (PostgreSQL's identity
// never does either). Named `id` as every numbered key is, so that `caunoi migrate` carries the
// numbering on (store.h, insert_rows).
constexpr store::Migration kMigrations[] = {
    {"changes", 1, "change log", R"sql(
CREATE TABLE change_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  writer TEXT NOT NULL,
  part TEXT NOT NULL,
  payload TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX change_log_at ON change_log(at);
)sql"},
};

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// How many of the latest entries start_at() looks at: more than can be in flight at once.
constexpr int64_t kStartWindow = 1000;

}  // namespace

void migrate(store::Connection& c) {
  store::apply_migrations(c, kMigrations);
}

void record(store::Connection& c, std::string_view part, std::string_view payload) {
  if (!c.in_transaction())
    throw std::logic_error("changes::record outside the change's transaction: " +
                           std::string(part));
  c.execute("INSERT INTO change_log(writer, part, payload, at) VALUES (?, ?, ?, ?)", c.writer(),
            part, payload, unix_now());
}

int64_t last_seq(store::Connection& c) {
  return c.scalar("SELECT COALESCE(MAX(id), 0) FROM change_log").value_or(0);
}

bool written_since(store::Connection& c, int64_t seq, std::string_view part) {
  return c.scalar("SELECT COUNT(*) FROM change_log WHERE id > ? AND part = ?", seq, part)
             .value_or(0) > 0;
}

std::string new_writer_name() {
  std::random_device rd;
  std::uniform_int_distribution<int> hex(0, 15);
  std::string s(16, '0');
  for (auto& ch : s) ch = "0123456789abcdef"[hex(rd)];
  return s;
}

void Follower::start_at(store::Connection& c) {
  int64_t top = last_seq(c);
  // Entries below the window's start were committed long ago; inside it, a number may still be
  // on its way to commit, so only the entries present are taken as seen.
  low_ = std::max<int64_t>(0, top - kStartWindow);
  seen_.clear();
  c.each(
      "SELECT id FROM change_log WHERE id > ?",
      [&](const store::Row& r) { seen_.insert(r.i64(0)); }, low_);
  gap_at_ = -1;
  advance(Clock::now());
}

size_t Follower::poll(store::Connection& c, const std::function<void(const Entry&)>& apply,
                      Clock::time_point now) {
  // One read: above low_ lie only new entries, save while a gap is open (a moment, rarely).
  std::vector<Entry> fresh;
  c.each(
      "SELECT id, writer, part, payload FROM change_log WHERE id > ? ORDER BY id",
      [&](const store::Row& r) {
        if (!seen_.contains(r.i64(0))) fresh.push_back({r.i64(0), r.text(1), r.text(2), r.text(3)});
      },
      low_);
  size_t applied = 0;
  for (const Entry& e : fresh) {
    if (e.writer != self_ || self_.empty()) {
      apply(e);
      ++applied;
    }
    seen_.insert(e.seq);
  }
  advance(now);
  return applied;
}

void Follower::advance(Clock::time_point now) {
  while (!seen_.empty() && *seen_.begin() == low_ + 1) {
    seen_.erase(seen_.begin());
    ++low_;
  }
  if (seen_.empty()) {
    gap_at_ = -1;
    return;
  }
  // low_ + 1 is missing while later numbers are here.
  if (gap_at_ != low_) {
    gap_at_ = low_;
    gap_since_ = now;
  } else if (now - gap_since_ >= kGapWait) {
    low_ = *seen_.begin() - 1;  // that transaction rolled back: its number never commits
    gap_at_ = -1;
    advance(now);
  }
}

int64_t Follower::prune(store::Connection& c, std::chrono::seconds age) {
  return c.execute("DELETE FROM change_log WHERE at < ?", unix_now() - age.count());
}

}  // namespace caunoi::changes
