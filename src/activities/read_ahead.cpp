// activities/read_ahead.cpp — see read_ahead.h.
#include "activities/read_ahead.h"

namespace caunoi::activities {

ReadAhead::ReadAhead(repo::RowCursor& source) : source_(source) {
  for (size_t i = 0; i < kChunks; ++i) {
    auto c = std::make_unique<Chunk>();
    c->bytes.reserve(kRows * 128);
    c->lens.reserve(kRows);
    free_.push_back(std::move(c));
  }
  helper_ = std::thread([this] { run(); });
}

ReadAhead::~ReadAhead() {
  stop();
}

void ReadAhead::stop() {
  {
    std::lock_guard lk(m_);
    stop_ = true;
  }
  cv_.notify_all();
  if (helper_.joinable()) helper_.join();
}

bool ReadAhead::rewind() {
  stop();
  if (!source_.rewind()) return false;
  if (current_) free_.push_back(std::move(current_));
  while (!ready_.empty()) {
    free_.push_back(std::move(ready_.front()));
    ready_.pop_front();
  }
  row_ = offset_ = 0;
  done_ = stop_ = false;
  error_ = nullptr;
  helper_ = std::thread([this] { run(); });
  return true;
}

void ReadAhead::run() {
  repo::RowTexts r;
  bool more = true;
  while (more) {
    std::unique_ptr<Chunk> c;
    {
      std::unique_lock lk(m_);
      cv_.wait(lk, [&] { return stop_ || !free_.empty(); });
      if (stop_) return;
      c = std::move(free_.front());
      free_.pop_front();
    }
    c->bytes.clear();
    c->lens.clear();
    std::exception_ptr error;
    try {
      while (c->lens.size() < kRows && (more = source_.next(r))) {
        auto& lens = c->lens.emplace_back();
        for (size_t i = 0; i < kFields; ++i) {
          std::string_view f = r.at(static_cast<int>(i));
          c->bytes.append(f);
          lens[i] = static_cast<uint32_t>(f.size());
        }
      }
    } catch (...) {
      error = std::current_exception();
      more = false;
    }
    std::lock_guard lk(m_);
    if (!c->lens.empty()) ready_.push_back(std::move(c));
    if (!more) {
      done_ = true;
      error_ = error;
    }
    cv_.notify_all();
  }
}

bool ReadAhead::next(repo::RowTexts& out) {
  if (!current_ || row_ == current_->lens.size()) {
    std::unique_lock lk(m_);
    if (current_) free_.push_back(std::move(current_));
    cv_.notify_all();
    cv_.wait(lk, [&] { return !ready_.empty() || done_; });
    if (ready_.empty()) {
      if (error_) std::rethrow_exception(error_);
      return false;
    }
    current_ = std::move(ready_.front());
    ready_.pop_front();
    row_ = offset_ = 0;
  }
  const auto& lens = current_->lens[row_++];
  std::string_view f[kFields];
  for (size_t i = 0; i < kFields; ++i) {
    f[i] = std::string_view(current_->bytes.data() + offset_, lens[i]);
    offset_ += lens[i];
  }
  out = repo::RowTexts::of(f);
  return true;
}

}  // namespace caunoi::activities
