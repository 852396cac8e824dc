// activities/repository.h — the SQL of the activity log; nothing above it writes these tables.
//
// Every function runs on the caller's connection and inside the caller's transaction when there
// is one (the service opens them: one per form write, one per import). The unit-subtree filter
// is computed with the Gazetteer (both eras roll into today's territory) and handed to SQL as a
// JSON array of unit ids.
#pragma once

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "activities/activity.h"
#include "places/gazetteer.h"
#include "store/store.h"

namespace caunoi::activities::repo {

// Inserts (sets a.id). With skip_existing, an external_ref already stored makes it a no-op that
// returns false; otherwise a duplicate external_ref throws conflict "duplicate_external_ref".
bool insert(store::Connection& c, Activity& a, bool skip_existing = false);

// A reference the import derived from a row's content ("auto:<hash>-<rank>"), as opposed to one
// that people or another system gave. Derived ones are unique together with the row's place and
// date (the hash covers both); given ones are unique on their own (see schema.cpp, migration 3).
bool is_derived_ref(std::string_view ref);

// An activity row as the file import holds it before writing: the stored texts, already
// encoded (dates ISO, lists "a,b", figures "k=v;…"). Views into the importer's buffer.
struct RowTexts {
  std::string_view reporting_unit, place, date_from, date_to, kind, channel, groups, topics,
      languages, partners, figures, title, note, external_ref;
  static constexpr size_t kFields = 14;
  // Field i in the order above (0: reporting_unit … 13: external_ref).
  std::string_view at(int i) const;
  // The fields in that order.
  static RowTexts of(const std::string_view (&f)[kFields]) {
    return RowTexts{f[0], f[1], f[2], f[3],  f[4],  f[5],  f[6],
                    f[7], f[8], f[9], f[10], f[11], f[12], f[13]};
  }
};

// The rows of a file import in the order to write them (PendingRows).
class RowCursor {
 public:
  virtual ~RowCursor() = default;
  // The next row, or false at the end; its views stay valid until the following call.
  virtual bool next(RowTexts& out) = 0;
  // Goes back to before the first row (store::RowSource::rewind); false if it cannot.
  virtual bool rewind() { return false; }
};

struct BulkResult {
  int64_t inserted = 0, skipped = 0;
  int64_t first_id = 0, last_id = 0;  // of the inserted rows, which have consecutive ids
};

// Every row of `rows` into the table by one statement (store::Connection::insert_rows), inside
// the caller's transaction, stamped with who and when. A row whose reference is already stored
// is skipped, as is a derived one stored under this place and date before a form moved its row.
// Rows should come sorted by place and date: the table's access paths are then extended in
// order rather than all over. `progress` is told the rows read so far, every few thousand.
BulkResult insert_rows(store::Connection& c, RowCursor& rows, const std::string& created_by,
                       const std::string& created_at,
                       const std::function<void(int64_t)>& progress = {});
std::optional<Activity> get(store::Connection& c, int64_t id);
// The activity (live or deleted) holding a.external_ref, by the rule of is_derived_ref.
std::optional<int64_t> id_of_ref(store::Connection& c, const Activity& a);
// The same for a given (not derived) reference, which is unique on its own.
std::optional<int64_t> id_of_given_ref(store::Connection& c, const std::string& ref);
// Copies the stored version to history, then writes `a` as version+1. a.id must exist.
void update(store::Connection& c, Activity& a, const std::string& by);
// Copies the stored version to history, then marks it deleted as version+1.
void soft_delete(store::Connection& c, int64_t id, const std::string& by);
// Every superseded version, oldest first (the live one is get()).
std::vector<Activity> history(store::Connection& c, int64_t id);

struct ListResult {
  std::vector<Activity> items;
  int64_t total = 0;
};
// Newest first (date, then id).
ListResult list(store::Connection& c, const places::Gazetteer& g, const Filter& f, const Page& p);
// Every match, oldest first, for exports.
void each(store::Connection& c, const places::Gazetteer& g, const Filter& f,
          const std::function<void(const Activity&)>& fn);
// Live activities with id in [first, last], in id order (notifying listeners after an import).
void each_in_range(store::Connection& c, int64_t first, int64_t last,
                   const std::function<void(const Activity&)>& fn);
int64_t count_live(store::Connection& c);

}  // namespace caunoi::activities::repo
