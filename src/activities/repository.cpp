// activities/repository.cpp — see repository.h.
#include "activities/repository.h"

#include <boost/json.hpp>

#include "activities/row_columns.h"
#include "common/error.h"
#include "store/dialect.h"

namespace caunoi::activities::repo {

namespace {

constexpr const char* kColumns =
    "id, reporting_unit, place, date_from, date_to, kind, channel, groups, topics, languages, "
    "partners, figures, title, note, external_ref, created_by, created_at, updated_by, "
    "updated_at, version, deleted";

Activity from_row(const store::Row& r) {
  Activity a;
  a.id = r.i64(0);
  a.reporting_unit = r.text(1);
  a.place = r.text(2);
  a.date_from = parse_iso_date(r.text(3));
  a.date_to = parse_iso_date(r.text(4));
  a.kind = r.text(5);
  a.channel = r.text(6);
  a.groups = split_codes(r.text(7));
  a.topics = split_codes(r.text(8));
  a.languages = split_codes(r.text(9));
  a.partners = split_codes(r.text(10));
  a.figures = decode_figures(r.text(11));
  a.title = r.text(12);
  a.note = r.text(13);
  a.external_ref = r.opt_text(14).value_or("");
  a.created_by = r.text(15);
  a.created_at = r.text(16);
  a.updated_by = r.text(17);
  a.updated_at = r.text(18);
  a.version = static_cast<int>(r.i64(19));
  a.deleted = r.i64(20) != 0;
  return a;
}

std::optional<std::string> ref_value(const Activity& a) {
  return a.external_ref.empty() ? std::nullopt : std::optional<std::string>(a.external_ref);
}

void copy_to_history(store::Connection& c, int64_t id, const char* action, const std::string& by) {
  c.execute(
      "INSERT INTO activity_history(activity_id, version, action, changed_by, changed_at, "
      "reporting_unit, place, date_from, date_to, kind, channel, groups, topics, languages, "
      "partners, figures, title, note, external_ref, deleted) "
      "SELECT id, version, ?, ?, ?, reporting_unit, place, date_from, date_to, kind, channel, "
      "groups, topics, languages, partners, figures, title, note, external_ref, deleted "
      "FROM activities WHERE id = ?",
      action, by, now_utc(), id);
}

// Unit ids whose territory lies within `unit` today, as a JSON array; "" for everywhere.
std::string units_within(const places::Gazetteer& g, const std::string& unit) {
  if (unit.empty() || unit == "VN") return "";
  const places::Unit& root = g.get(unit);
  boost::json::array ids;
  if (root.era == places::Era::old) {
    // An old unit's subtree is its old descendants (they had no other territory then).
    std::vector<const places::Unit*> stack{&root};
    while (!stack.empty()) {
      const places::Unit* u = stack.back();
      stack.pop_back();
      ids.emplace_back(u->id);
      for (const auto* ch : g.children(u->id, places::Era::old)) stack.push_back(ch);
    }
  } else {
    for (size_t i = 0; i < g.size(); ++i) {
      const places::Unit& u = g.at(static_cast<uint32_t>(i));
      if (u.id != "VN" && g.within(u.id, root.id)) ids.emplace_back(u.id);
    }
  }
  return boost::json::serialize(ids);
}

struct Where {
  std::string sql = " WHERE 1=1";
  std::vector<store::Value> binds;
  void add(const std::string& clause, store::Value v) {
    sql += " AND " + clause;
    binds.push_back(std::move(v));
  }
};

Where where_of(const store::Connection& c, const places::Gazetteer& g, const Filter& f) {
  Where w;
  if (!f.include_deleted) w.sql += " AND deleted = 0";
  if (std::string ids = units_within(g, f.unit); !ids.empty()) {
    w.add(store::in_json_array(c, "place"), ids);
  }
  if (f.from) w.add("date_from >= ?", f.from->iso());
  if (f.to) w.add("date_from <= ?", f.to->iso());
  if (!f.kind.empty()) w.add("kind = ?", f.kind);
  if (!f.channel.empty()) w.add("channel = ?", f.channel);
  auto in_list = [&](const char* col, const std::string& code) {
    if (!code.empty()) {
      w.add(store::contains(c, std::string("',' || ") + col + " || ','", "?"), "," + code + ",");
    }
  };
  in_list("groups", f.group);
  in_list("topics", f.topic);
  in_list("languages", f.language);
  return w;
}

}  // namespace

namespace {

// "INSERT INTO activities(<insert_columns>) VALUES (?, …)", optionally skipping a row whose
// reference is already stored.
const std::string& insert_sql(bool skip_existing) {
  static const auto build = [](bool skip) {
    std::string names, marks;
    for (const std::string& col : insert_columns()) {
      names.append(names.empty() ? "" : ", ").append(col);
      marks.append(marks.empty() ? "?" : ", ?");
    }
    return "INSERT INTO activities(" + names + ") VALUES (" + marks + ")" +
           (skip ? " ON CONFLICT DO NOTHING" : "");
  };
  static const std::string plain = build(false), skip = build(true);
  return skip_existing ? skip : plain;
}

// A text value slot emptied for reuse (its buffer kept).
std::string& text_slot(store::Value& v) {
  if (auto* s = std::get_if<std::string>(&v)) {
    s->clear();
    return *s;
  }
  return v.emplace<std::string>();
}

void fill_stamps(Activity& a) {
  if (a.created_at.empty()) a.created_at = now_utc();
  if (a.updated_at.empty()) a.updated_at = a.created_at;
  if (a.updated_by.empty()) a.updated_by = a.created_by;
}

// Binds the columns of insert_sql, through `slots` so that a caller inserting many rows reuses
// the buffers.
void bind_insert(store::Statement& st, const Activity& a, std::vector<store::Value>& slots) {
  slots.resize(insert_columns().size());
  text_slot(slots[0]) = a.reporting_unit;
  text_slot(slots[1]) = a.place;
  append_iso(text_slot(slots[2]), a.date_from);
  append_iso(text_slot(slots[3]), a.date_to);
  text_slot(slots[4]) = a.kind;
  text_slot(slots[5]) = a.channel;
  append_codes(text_slot(slots[6]), a.groups);
  append_codes(text_slot(slots[7]), a.topics);
  append_codes(text_slot(slots[8]), a.languages);
  append_codes(text_slot(slots[9]), a.partners);
  append_figures(text_slot(slots[10]), a.figures);
  text_slot(slots[11]) = a.title;
  text_slot(slots[12]) = a.note;
  if (a.external_ref.empty()) {
    slots[13] = store::Null{};
  } else {
    text_slot(slots[13]) = a.external_ref;
  }
  text_slot(slots[14]) = a.created_by;
  text_slot(slots[15]) = a.created_at;
  text_slot(slots[16]) = a.updated_by;
  text_slot(slots[17]) = a.updated_at;
  st.reset();
  for (size_t i = 0; i < slots.size(); ++i) st.bind(static_cast<int>(i + 1), slots[i]);
}

// Runs the bound insert; true (and a.id set) if a row was added.
bool run_insert(store::Connection& c, store::Statement& st, Activity& a) {
  while (st.step()) {
  }
  if (c.changes() == 0) return false;
  a.id = c.last_insert_id();
  a.version = 1;
  return true;
}

}  // namespace

bool is_derived_ref(std::string_view ref) {
  return ref.starts_with("auto:");
}

bool insert(store::Connection& c, Activity& a, bool skip_existing) {
  fill_stamps(a);
  if (!skip_existing && !a.external_ref.empty() && id_of_ref(c, a)) {
    throw Error(ErrorKind::conflict, "duplicate_external_ref",
                "Mã tham chiếu \"" + a.external_ref + "\" đã có ở một hoạt động khác.",
                {{"external_ref", "Mã tham chiếu đã được dùng."}});
  }
  store::Statement& st = c.prepare(insert_sql(skip_existing));
  std::vector<store::Value> slots;
  bind_insert(st, a, slots);
  return run_insert(c, st, a);
}

std::optional<Activity> get(store::Connection& c, int64_t id) {
  std::optional<Activity> out;
  c.each(
      std::string("SELECT ") + kColumns + " FROM activities WHERE id = ?",
      [&](const store::Row& r) { out = from_row(r); }, id);
  return out;
}

std::optional<int64_t> id_of_ref(store::Connection& c, const Activity& a) {
  if (a.external_ref.empty()) return std::nullopt;
  if (is_derived_ref(a.external_ref)) {
    return c.scalar(
        "SELECT id FROM activities WHERE place = ? AND date_from = ? AND external_ref = ?", a.place,
        a.date_from.iso(), a.external_ref);
  }
  return id_of_given_ref(c, a.external_ref);
}

std::optional<int64_t> id_of_given_ref(store::Connection& c, const std::string& ref) {
  // The term on substr repeats the partial index's condition, so that the index is used.
  return c.scalar(
      "SELECT id FROM activities WHERE external_ref = ? AND substr(external_ref, 1, 5) <> 'auto:'",
      ref);
}

void update(store::Connection& c, Activity& a, const std::string& by) {
  if (!a.external_ref.empty()) {
    auto other = id_of_ref(c, a);
    if (other && *other != a.id) {
      throw Error(ErrorKind::conflict, "duplicate_external_ref",
                  "Mã tham chiếu \"" + a.external_ref + "\" đã có ở một hoạt động khác.",
                  {{"external_ref", "Mã tham chiếu đã được dùng."}});
    }
  }
  copy_to_history(c, a.id, "update", by);
  // A derived reference keeps naming the row where the import put it (see schema.cpp).
  c.execute(
      "INSERT INTO activity_moved_refs(place, date_from, external_ref) "
      "SELECT place, date_from, external_ref FROM activities WHERE id = ? AND "
      "substr(external_ref, 1, 5) = 'auto:' AND (place <> ? OR date_from <> ?) "
      "ON CONFLICT DO NOTHING",
      a.id, a.place, a.date_from.iso());
  a.updated_by = by;
  a.updated_at = now_utc();
  c.execute(
      "UPDATE activities SET reporting_unit = ?, place = ?, date_from = ?, date_to = ?, kind = ?, "
      "channel = ?, groups = ?, topics = ?, languages = ?, partners = ?, figures = ?, title = ?, "
      "note = ?, external_ref = ?, updated_by = ?, updated_at = ?, version = version + 1 "
      "WHERE id = ?",
      a.reporting_unit, a.place, a.date_from.iso(), a.date_to.iso(), a.kind, a.channel,
      join_codes(a.groups), join_codes(a.topics), join_codes(a.languages), join_codes(a.partners),
      encode_figures(a.figures), a.title, a.note, ref_value(a), a.updated_by, a.updated_at, a.id);
  a.version =
      static_cast<int>(c.scalar("SELECT version FROM activities WHERE id = ?", a.id).value_or(0));
}

void soft_delete(store::Connection& c, int64_t id, const std::string& by) {
  copy_to_history(c, id, "delete", by);
  c.execute(
      "UPDATE activities SET deleted = 1, updated_by = ?, updated_at = ?, version = version + 1 "
      "WHERE id = ?",
      by, now_utc(), id);
}

std::vector<Activity> history(store::Connection& c, int64_t id) {
  std::vector<Activity> out;
  c.each(
      "SELECT activity_id, reporting_unit, place, date_from, date_to, kind, channel, groups, "
      "topics, languages, partners, figures, title, note, external_ref, '', '', changed_by, "
      "changed_at, version, deleted FROM activity_history WHERE activity_id = ? ORDER BY version",
      [&](const store::Row& r) { out.push_back(from_row(r)); }, id);
  return out;
}

ListResult list(store::Connection& c, const places::Gazetteer& g, const Filter& f, const Page& p) {
  Where w = where_of(c, g, f);
  ListResult out;
  store::Statement& count =
      c.prepare("SELECT COUNT(*) FROM activities" + w.sql).with_values(w.binds);
  if (count.step()) out.total = count.row().i64(0);
  count.reset();
  auto binds = w.binds;
  binds.emplace_back(p.limit);
  binds.emplace_back(p.offset);
  store::Statement& st = c.prepare(std::string("SELECT ") + kColumns + " FROM activities" + w.sql +
                                   " ORDER BY date_from DESC, id DESC LIMIT ? OFFSET ?")
                             .with_values(binds);
  while (st.step()) out.items.push_back(from_row(st.row()));
  st.reset();
  return out;
}

void each(store::Connection& c, const places::Gazetteer& g, const Filter& f,
          const std::function<void(const Activity&)>& fn) {
  Where w = where_of(c, g, f);
  store::Statement& st = c.prepare(std::string("SELECT ") + kColumns + " FROM activities" + w.sql +
                                   " ORDER BY date_from, id")
                             .with_values(w.binds);
  while (st.step()) fn(from_row(st.row()));
  st.reset();
}

void each_in_range(store::Connection& c, int64_t first, int64_t last,
                   const std::function<void(const Activity&)>& fn) {
  c.each(
      std::string("SELECT ") + kColumns +
          " FROM activities WHERE id BETWEEN ? AND ? AND deleted = 0 ORDER BY id",
      [&](const store::Row& r) { fn(from_row(r)); }, first, last);
}

int64_t count_live(store::Connection& c) {
  return c.scalar("SELECT COUNT(*) FROM activities WHERE deleted = 0").value_or(0);
}

}  // namespace caunoi::activities::repo

namespace caunoi::activities {

namespace {

constexpr const char* kFactColumns =
    "place, date_from, kind, channel, groups, topics, languages, figures";

// A fact from a row of `id` followed by kFactColumns.
ActivityFact fact_of(const store::Row& r) {
  ActivityFact f;
  f.id = r.i64(0);
  f.unit_id = r.text(1);
  f.date = parse_iso_date(r.text(2));
  f.kind = r.text(3);
  f.channel = r.text(4);
  f.groups = split_codes(r.text(5));
  f.topics = split_codes(r.text(6));
  f.languages = split_codes(r.text(7));
  f.figures = decode_figures(r.text(8));
  return f;
}

// Version `version` of the activities whose ids are in [first, last]: the live row while it is
// still that version, else the copy its next change put in the history (repository: update and
// soft_delete copy the version they replace). A version that was a deletion has no fact.
void each_version(store::Connection& c, int64_t first, int64_t last, int64_t version,
                  const std::function<void(const ActivityFact&)>& fn) {
  c.each(
      std::string("SELECT id, ") + kFactColumns +
          " FROM activities WHERE id BETWEEN ? AND ? AND version = ? AND deleted = 0"
          " UNION ALL SELECT activity_id, " +
          kFactColumns +
          " FROM activity_history WHERE activity_id BETWEEN ? AND ? AND version = ?"
          " AND deleted = 0",
      [&](const store::Row& r) { fn(fact_of(r)); }, first, last, version, first, last, version);
}

}  // namespace

void scan_facts(store::Connection& c, const std::function<void(const ActivityFact&)>& fn) {
  c.each(
      std::string("SELECT id, ") + kFactColumns + " FROM activities WHERE deleted = 0 ORDER BY id",
      [&](const store::Row& r) { fn(fact_of(r)); });
}

std::optional<ActivityFact> fact_at(store::Connection& c, int64_t id, int64_t version) {
  std::optional<ActivityFact> out;
  each_version(c, id, id, version, [&](const ActivityFact& f) { out = f; });
  return out;
}

void scan_imported_facts(store::Connection& c, int64_t first, int64_t last,
                         const std::function<void(const ActivityFact&)>& fn) {
  each_version(c, first, last, 1, fn);
}

}  // namespace caunoi::activities
