// activities/import.cpp — the file import (see import.h): its two phases inside one
// transaction. Checking (row_checker.h) reads every row and keeps those that pass; on a large
// file two checkers share the rows, one on the reading thread and one on a helper thread, each
// with its own report and kept rows, merged when the file is read. Writing, only if no row
// failed: the kept rows sorted (pending_rows.h) and inserted by one statement
// (repo::insert_rows).
#include "activities/import.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include <boost/json.hpp>

#include "activities/change_feed.h"
#include "activities/read_ahead.h"
#include "activities/repository.h"
#include "activities/row_checker.h"
#include "common/error.h"
#include "sheets/values.h"
#include "store/dialect.h"
#include "tabular/csv_reader.h"
#include "tabular/rows.h"

namespace caunoi::activities {

namespace {

// Rows copied out of the reader (whose cells live only during its callback) for the helper.
struct Batch {
  static constexpr size_t kRows = 1024;
  std::string text;
  std::vector<std::pair<size_t, size_t>> cells;  // offset and length in text
  std::vector<std::pair<long, size_t>> rows;     // file row and its number of cells
  void add(long row, tabular::Cells cs) {
    rows.emplace_back(row, cs.size());
    for (auto c : cs) {
      cells.emplace_back(text.size(), c.size());
      text.append(c);
    }
  }
};

// A second checker on its own thread, fed batches of rows. The reading thread gives it a batch
// while it has little queued and checks the others itself, so both stay busy whatever each
// row costs.
class Helper {
 public:
  Helper(store::Connection& c, const Reference& ref, const places::Gazetteer& g,
         const ImportOptions& opt, std::mutex& db_mutex)
      : checker_(c, ref, g, opt, rep_, &db_mutex), thread_([this] { run(); }) {}
  ~Helper() { stop(); }

  RowChecker& checker() { return checker_; }
  ImportReport& report() { return rep_; }
  bool wants_more() {
    std::lock_guard lk(m_);
    return queue_.size() < 2;
  }
  void give(Batch&& b) {
    {
      std::lock_guard lk(m_);
      queue_.push_back(std::move(b));
    }
    cv_.notify_one();
  }
  // Waits until every batch given is checked; rethrows what the helper thread threw.
  void finish() {
    stop();
    if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
  }

 private:
  void stop() {
    {
      std::lock_guard lk(m_);
      done_ = true;
    }
    cv_.notify_one();
    if (thread_.joinable()) thread_.join();
  }

  void run() {
    std::vector<std::string_view> cells;
    for (;;) {
      Batch b;
      {
        std::unique_lock lk(m_);
        cv_.wait(lk, [&] { return done_ || !queue_.empty(); });
        if (queue_.empty()) return;
        b = std::move(queue_.front());
        queue_.pop_front();
      }
      if (error_) continue;  // drain, but check no more
      try {
        size_t next = 0;
        for (auto [row, n] : b.rows) {
          cells.clear();
          for (size_t i = 0; i < n; ++i, ++next) {
            auto [off, len] = b.cells[next];
            cells.push_back(std::string_view(b.text).substr(off, len));
          }
          checker_.row(row, cells);
        }
      } catch (...) {
        error_ = std::current_exception();
      }
    }
  }

  ImportReport rep_;
  RowChecker checker_;
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<Batch> queue_;
  bool done_ = false;
  std::exception_ptr error_;
  std::thread thread_;  // last: starts once the rest is built
};

// Adds a helper's report to the import's: counts summed, the first max_errors errors by row.
void merge(ImportReport& into, const ImportReport& from, size_t max_errors) {
  into.rows_done += from.rows_done;
  into.skipped += from.skipped;
  into.error_count += from.error_count;
  into.errors.insert(into.errors.end(), from.errors.begin(), from.errors.end());
  std::stable_sort(into.errors.begin(), into.errors.end(),
                   [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
  if (into.errors.size() > max_errors) into.errors.resize(max_errors);
}

// A second checker pays for itself from about this size on (a few thousand rows).
constexpr size_t kParallelBytes = size_t{1} << 20;

// What an import wrote, as its audit record keeps it (the rows are the activities' history).
std::string import_image(const ImportOptions& opt, const ImportReport& rep) {
  return boost::json::serialize(boost::json::object{{"filename", opt.filename},
                                                    {"rows_total", rep.rows_total},
                                                    {"inserted", rep.inserted},
                                                    {"skipped", rep.skipped},
                                                    {"first_id", rep.first_id},
                                                    {"last_id", rep.last_id}});
}

}  // namespace

ImportReport import_activities(store::Connection& c, const Reference& ref,
                               const places::Gazetteer& g, std::string_view data,
                               const ImportOptions& opt) {
  ImportReport rep;
  auto progress = [&](ImportPhase phase, long done, long total) {
    if (opt.progress) opt.progress(phase, done, total);
  };
  // A total for progress before checking starts. For CSV the lines less the heading, counted
  // at memchr speed (a full parse only to count cost a million-row file ≈ 0.15 s), which blank
  // lines make an overestimate; XLSX rows are counted by reading the sheet. Either way the
  // report's total becomes the rows actually read once checking is over.
  if (opt.progress) {
    if (tabular::detect_format(data, opt.filename) == "csv") {
      rep.rows_total = std::max(0L, static_cast<long>(tabular::estimate_csv_lines(data)) - 1);
    } else {
      bool first = true;
      tabular::read_any(
          data, opt.filename,
          [&](long, tabular::Cells cells) {
            if (!sheets::blank_row(cells) && !first) ++rep.rows_total;
            if (!sheets::blank_row(cells)) first = false;
            return true;
          },
          opt.sheet);
    }
    progress(ImportPhase::checking, 0, rep.rows_total);
  }
  // With SQLite's default 2 MB page cache a large import re-reads and re-writes index pages
  // all through the transaction (a million rows: 7.4 s for the write alone). More is not always
  // better: past about 32 MiB each extra page is fresh memory whose first touch faults, and on
  // this virtual machine that cost more than spilling to the WAL early (the same million rows
  // written: 3.0-3.2 s with 16-32 MiB, 4.4 s with 256 MiB; into a table already holding a
  // million, 4.1-4.3 s with 32 MiB, 5.2 s with 256 MiB).
  store::BulkLoadCache cache(c, 32);
  // Opened before checking, so that what row_check reads (approved months) cannot change
  // between the check and the commit.
  store::Transaction tx(c);
  std::mutex db_mutex;
  RowChecker checker(c, ref, g, opt, rep, &db_mutex);
  size_t threads = opt.check_threads;
  if (threads == 0) {
    threads = data.size() >= kParallelBytes && std::thread::hardware_concurrency() > 1 ? 2 : 1;
  }
  std::unique_ptr<Helper> helper;
  if (threads > 1) helper = std::make_unique<Helper>(c, ref, g, opt, db_mutex);
  Batch batch;
  bool batch_for_helper = false;
  long read = 0;
  bool have_header = false, header_ok = false;
  tabular::read_any(
      data, opt.filename,
      [&](long row, tabular::Cells cells) {
        if (!have_header) {
          if (sheets::blank_row(cells)) return true;
          have_header = true;
          header_ok = checker.header(row, cells);
          // The helper reads the same headings; its copy of any heading error is not reported.
          if (helper) helper->checker().header(row, cells);
          return header_ok;
        }
        // Rows go in slots of Batch::kRows: at the start of each, to the helper if it has
        // little queued, else to this thread's checker; asked for two checkers outright, they
        // take turns (even slots to the helper), so that tests know who checks what.
        if (helper && read % Batch::kRows == 0) {
          batch_for_helper =
              opt.check_threads == 2 ? read / Batch::kRows % 2 == 0 : helper->wants_more();
        }
        if (batch_for_helper) {
          batch.add(row, cells);
          if (batch.rows.size() == Batch::kRows) {
            helper->give(std::move(batch));
            batch = Batch{};
          }
        } else {
          checker.row(row, cells);
        }
        if (++read % 5000 == 0) {
          progress(ImportPhase::checking, read, std::max(read, rep.rows_total));
        }
        return true;
      },
      opt.sheet);
  if (helper) {
    if (!batch.rows.empty()) helper->give(std::move(batch));
    helper->finish();
    if (header_ok) {
      merge(rep, helper->report(), opt.max_errors);
      rep.skipped += checker.pending().absorb(std::move(helper->checker().pending()));
    }
    helper.reset();
  }
  if (opt.file_read) opt.file_read();
  if (!have_header) {
    throw invalid("import_empty", "Tệp không có dòng tiêu đề (tên cột) nào.");
  }
  rep.rows_total = rep.rows_done;
  progress(ImportPhase::checking, rep.rows_done, rep.rows_total);
  if (!rep.ok()) {
    rep.skipped = 0;
    return rep;  // the transaction rolls back, though nothing was written
  }
  PendingRows& rows = checker.pending();
  const long to_write = rep.rows_to_write = static_cast<long>(rows.size());
  progress(ImportPhase::writing, 0, to_write);
  rows.sort();
  // With two checkers, the second core also gathers the sorted rows while SQLite writes.
  std::optional<ReadAhead> ahead;
  if (threads > 1) ahead.emplace(rows);
  repo::RowCursor& source = ahead ? static_cast<repo::RowCursor&>(*ahead) : rows;
  auto written = repo::insert_rows(c, source, opt.created_by, now_utc(), [&](int64_t n) {
    rep.rows_written = static_cast<long>(n);
    progress(ImportPhase::writing, rep.rows_written, to_write);
  });
  rep.inserted = written.inserted;
  rep.skipped += written.skipped;
  rep.first_id = written.first_id;
  rep.last_id = written.last_id;
  if (rep.inserted > 0) {
    audit::record_change(c, opt.actor, import_image(opt, rep), opt.unit_id);
    feed::record_import(c, rep.first_id, rep.last_id);
  }
  tx.commit();
  return rep;
}

}  // namespace caunoi::activities
