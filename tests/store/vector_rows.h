// tests/store/vector_rows.h — a store::RowSource over rows written in the test, which can be told
// to throw part-way, as a broken import file would.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/store.h"

namespace caunoi::testutil {

// Rows from a vector; throws at row `throw_at` (1-based) when set. Can start again (as an
// import's rows can) unless `rewindable` is false.
class VectorRows final : public store::RowSource {
 public:
  using Table = std::vector<std::vector<std::optional<std::string>>>;
  VectorRows(Table rows, size_t throw_at = 0, bool rewindable = true)
      : rows_(std::move(rows)), throw_at_(throw_at), rewindable_(rewindable) {}
  bool rewind() override {
    if (rewindable_) at_ = 0;
    return rewindable_;
  }
  bool next() override {
    if (++at_ == throw_at_) throw std::runtime_error("nguồn hỏng");
    return at_ <= rows_.size();
  }
  std::optional<std::string_view> text(int i) const override {
    const auto& v = rows_[at_ - 1][static_cast<size_t>(i)];
    return v ? std::optional<std::string_view>(*v) : std::nullopt;
  }

 private:
  Table rows_;
  size_t throw_at_;
  bool rewindable_;
  size_t at_ = 0;
};

}  // namespace caunoi::testutil
