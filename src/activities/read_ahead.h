// activities/read_ahead.h — a RowCursor that reads another one on a helper thread, a few
// thousand rows ahead, so that the writer only copies from memory laid out in order.
//
// Why: the rows a file import kept are handed out sorted by place and date, an order unrelated
// to where they lie (pending_rows.h); fetching each from memory stalled the one thread SQLite
// writes on (≈ 0.3 s of a million-row import, see bench/import_bench.cpp). The second core is
// idle while SQLite writes, so it gathers the rows into chunks instead. Used by import.cpp on
// large files; knows nothing of files, checks or SQL.
#pragma once

#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "activities/repository.h"

namespace caunoi::activities {

class ReadAhead final : public repo::RowCursor {
 public:
  // Starts reading `source` at once; it must outlive this object and not be used meanwhile.
  explicit ReadAhead(repo::RowCursor& source);
  // Stops the helper (rows not yet taken are dropped) and waits for it.
  ~ReadAhead() override;
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // The source's rows in its order; an exception the source threw comes out here, after the
  // rows read before it.
  bool next(repo::RowTexts& out) override;
  // Stops the helper, rewinds the source and starts reading it again.
  bool rewind() override;

 private:
  static constexpr size_t kFields = repo::RowTexts::kFields;
  static constexpr size_t kRows = 2048;  // per chunk
  static constexpr size_t kChunks = 4;   // in flight at most

  struct Chunk {
    std::string bytes;  // every field of every row, back to back
    std::vector<std::array<uint32_t, kFields>> lens;
  };

  void run();
  void stop();  // the helper, dropping the chunks not yet taken

  repo::RowCursor& source_;
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<std::unique_ptr<Chunk>> ready_, free_;
  bool done_ = false;  // the helper has queued its last chunk
  bool stop_ = false;  // the reader went away
  std::exception_ptr error_;
  std::unique_ptr<Chunk> current_;
  size_t row_ = 0, offset_ = 0;
  std::thread helper_;
};

}  // namespace caunoi::activities
