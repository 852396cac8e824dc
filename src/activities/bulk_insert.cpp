// activities/bulk_insert.cpp — repo::insert_rows (see repository.h): the rows a file import kept,
// written by one statement through store::Connection::insert_rows. Separate from
// repository.cpp, whose statements write one activity at a time.
#include "activities/repository.h"

#include <algorithm>

#include "activities/row_columns.h"

namespace caunoi::activities::repo {

std::string_view RowTexts::at(int i) const {
  switch (i) {
    case 0:
      return reporting_unit;
    case 1:
      return place;
    case 2:
      return date_from;
    case 3:
      return date_to;
    case 4:
      return kind;
    case 5:
      return channel;
    case 6:
      return groups;
    case 7:
      return topics;
    case 8:
      return languages;
    case 9:
      return partners;
    case 10:
      return figures;
    case 11:
      return title;
    case 12:
      return note;
    default:
      return external_ref;
  }
}

namespace {

// The import's rows as the store reads them: the 14 texts, then the stamps; derived references
// stored before a form moved their row are passed over.
class ImportSource final : public store::RowSource {
 public:
  ImportSource(store::Connection& c, RowCursor& rows, const std::string& by, const std::string& at,
               const std::function<void(int64_t)>& progress)
      : rows_(rows), by_(by), at_(at), progress_(progress) {
    c.each("SELECT place, date_from, external_ref FROM activity_moved_refs",
           [&](const store::Row& r) {
             moved_.push_back(r.text(0) + '\x1f' + r.text(1) + '\x1f' + r.text(2));
           });
    std::sort(moved_.begin(), moved_.end());
  }

  bool next() override {
    while (rows_.next(r_)) {
      if (++read_ % 5000 == 0 && progress_) progress_(read_);
      if (!moved(r_)) return true;
      ++passed_over_;
    }
    if (progress_) progress_(read_);
    return false;
  }

  std::optional<std::string_view> text(int i) const override {
    if (i < static_cast<int>(RowTexts::kFields)) {
      std::string_view v = r_.at(i);
      if (i == 13 && v.empty()) return std::nullopt;  // no reference: NULL, not ''
      return v;
    }
    return (i == 15 || i == 17) ? std::string_view(at_) : std::string_view(by_);
  }

  bool rewind() override {
    read_ = passed_over_ = 0;
    return rows_.rewind();
  }

  int64_t read() const { return read_; }
  int64_t passed_over() const { return passed_over_; }

 private:
  bool moved(const RowTexts& r) {
    if (moved_.empty() || !is_derived_ref(r.external_ref)) return false;
    key_.assign(r.place).append(1, '\x1f').append(r.date_from).append(1, '\x1f');
    key_.append(r.external_ref);
    return std::binary_search(moved_.begin(), moved_.end(), key_);
  }

  RowCursor& rows_;
  const std::string& by_;
  const std::string& at_;
  const std::function<void(int64_t)>& progress_;
  std::vector<std::string> moved_;  // "place\x1fdate\x1fref" of activity_moved_refs, sorted
  std::string key_;
  RowTexts r_;
  int64_t read_ = 0, passed_over_ = 0;
};

}  // namespace

BulkResult insert_rows(store::Connection& c, RowCursor& rows, const std::string& created_by,
                       const std::string& created_at,
                       const std::function<void(int64_t)>& progress) {
  ImportSource src(c, rows, created_by, created_at, progress);
  BulkResult out;
  out.inserted = c.insert_rows("activities", insert_columns(), "ON CONFLICT DO NOTHING", src);
  out.skipped = src.read() - out.inserted;
  if (out.inserted > 0) {
    out.last_id = c.last_insert_id();
    out.first_id = out.last_id - out.inserted + 1;
  }
  return out;
}

}  // namespace caunoi::activities::repo
