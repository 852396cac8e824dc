// activities/pending_rows.h — the rows of a file import that passed every check, held until the
// whole file has been read, then handed out in the order that suits the table's access paths.
//
// Why hold them rather than write each row as soon as it is checked: rows in file order put
// their (place, date, reference) keys all over the index B-trees; sorted by place and date the
// same rows extend them in order. bench/import_bench.cpp measured the difference (≈ 1.6× for a
// million rows). Writing nothing before the last row is checked also means a bad row near the
// end costs no wasted writes. The price is memory: about the file's size again while the import
// runs (texts in large blocks, ≈ 100 bytes of bookkeeping a row).
//
// Used by import.cpp only; knows the stored texts (repo::RowTexts) and how a derived reference
// is spelt, nothing of files or validation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "activities/repository.h"
#include "common/populated.h"

namespace caunoi::activities {

// The content hash of a row whose reference is derived. The bytes hashed must never change, or
// files imported before would be imported again (a test pins one value).
uint64_t content_hash(const repo::RowTexts& r);

class PendingRows final : public repo::RowCursor {
 public:
  PendingRows();
  ~PendingRows();
  PendingRows(const PendingRows&) = delete;
  PendingRows& operator=(const PendingRows&) = delete;

  // Keeps a copy of a checked row. `day` orders the row within its place (the day number of its
  // first day); `line` is its row in the file (rows must come in file order). A row with
  // r.external_ref empty gets a derived reference when handed out; a given reference already
  // kept from an earlier row of the file makes this a no-op that returns false (the first row
  // in the file wins, as it would have written first).
  bool add(const repo::RowTexts& r, long day, long line);

  // Takes over the rows another checker of the same file kept (their blocks move here). A given
  // reference kept by both stays with the earlier row in the file; returns how many rows were
  // dropped so. No add() after absorb().
  int64_t absorb(PendingRows&& other);

  size_t size() const { return rows_.size() - dropped_; }

  // Puts the kept rows in writing order: by place, day and content. Then next() hands them out,
  // each with its reference filled in: given, or "auto:<hash>-<rank>" where rank counts
  // identical rows in file order. No add() after sort().
  void sort();
  bool next(repo::RowTexts& out) override;
  bool rewind() override {
    next_ = 0;
    rank_ = 0;
    return true;
  }

 private:
  static constexpr size_t kFields = repo::RowTexts::kFields;
  struct Row {
    const char* text;  // the fields back to back
    uint32_t len[kFields];
    uint32_t place;  // index into places_
    uint32_t day;
    uint64_t hash;  // content_hash when derived
    uint32_t line;  // the row in the file
    bool derived;
    bool dropped;  // a given reference that an earlier row of the file also carries
  };
  char* store(size_t n);
  uint32_t place_of(std::string_view place);  // its index into places_, added if new

  struct Key {
    uint64_t place_day, hash;
    uint32_t line, row;
  };

  // All three mapped with their pages in place (common/populated.h): touching fresh pages one
  // by one took a fault each, a visible share of importing a million rows on this VM.
  std::vector<std::pair<char*, size_t>> blocks_;
  size_t block_used_ = 0, block_size_ = 0;
  ChunkedArray<Row> rows_;
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, ViewHash, std::equal_to<>> place_index_;
  std::vector<std::string_view> places_;
  std::unordered_map<std::string_view, uint32_t> given_refs_;  // views into blocks_ → row
  size_t dropped_ = 0;
  PopulatedArray<Key> order_;  // after sort()
  size_t next_ = 0;
  int rank_ = 0;       // of the last derived row handed out among its identical rows
  char ref_[48] = {};  // the last derived reference handed out
};

}  // namespace caunoi::activities
