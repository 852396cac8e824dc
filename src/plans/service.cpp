// plans/service.cpp — validation, storage and listener notification; see service.h.
#include "plans/service.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include <boost/json.hpp>

#include "changes/feed.h"
#include "periods/period.h"
#include "places/gazetteer.h"
#include "plans/audit_image.h"
#include "plans/schema.h"
#include "store/dialect.h"

namespace caunoi::plans {

Service::Service(const places::Gazetteer& g, IndicatorCheck check)
    : places_(g), check_(std::move(check)) {}

void Service::install(store::Connection& c) {
  // Every write here lands with its audit record and its change feed entry: their tables too.
  audit::migrate(c);
  changes::migrate(c);
  store::apply_migrations(c, migrations());
}

Target Service::checked(Target t, const std::string& prefix, std::vector<FieldError>& errs) const {
  size_t before = errs.size();
  auto bad = [&](const char* field, std::string msg) { errs.push_back({prefix + field, msg, 0}); };
  if (t.unit_id.empty())
    bad("unit", "Bắt buộc nhập mã đơn vị");
  else if (!places_.find(t.unit_id))
    bad("unit", "Không có đơn vị hành chính mã \"" + t.unit_id + "\"");
  if (t.year < 2000 || t.year > 2100) bad("year", "Năm phải trong khoảng 2000–2100");
  if (t.indicator.empty())
    bad("indicator", "Bắt buộc nhập chỉ tiêu");
  else if (check_) {
    if (auto code = check_(t.indicator))
      t.indicator = *code;
    else
      bad("indicator", "Không có chỉ tiêu \"" + t.indicator + "\"");
  }
  if (!std::isfinite(t.value) || t.value < 0) bad("value", "Giá trị phải là số không âm");
  if (errs.size() == before && t.unit_id.starts_with("old:") && t.year > places::kReformDate.year)
    bad("unit",
        "Đơn vị cũ \"" + t.unit_id + "\" không còn tồn tại trong năm " + std::to_string(t.year));
  return t;
}

ResultRecord Service::checked(ResultRecord r, const std::string& prefix,
                              std::vector<FieldError>& errs) const {
  auto bad = [&](const std::string& field, std::string msg) {
    errs.push_back({prefix + field, std::move(msg), 0});
  };
  const places::Unit* u = nullptr;
  if (r.unit_id.empty())
    bad("unit", "Bắt buộc nhập mã đơn vị");
  else if (!(u = places_.find(r.unit_id)))
    bad("unit", "Không có đơn vị hành chính mã \"" + r.unit_id + "\"");
  try {
    auto p = periods::Period::parse(r.period);
    if (p.kind != periods::Kind::month && p.kind != periods::Kind::quarter)
      bad("period", "Kỳ số liệu phải là một tháng (2022-03) hoặc một quý (2022Q1)");
    r.period = p.code();
    r.as_of = p.to;
    if (u && u->era == places::Era::old && p.to >= places::kReformDate)
      bad("unit", "Đơn vị cũ \"" + r.unit_id + "\" không còn tồn tại ở " + p.vi() +
                      "; nhập theo đơn vị mới");
  } catch (const Error& e) {
    bad("period", e.message());
  }
  if (r.values.empty()) bad("values", "Chưa có số liệu nào");
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& v : r.values) {
    std::string f = "values." + v.measure + (v.group.empty() ? "" : "." + v.group);
    if (!find_measure(v.measure)) bad(f, "Không có chỉ số \"" + v.measure + "\"");
    if (v.value < 0) bad(f, "Số liệu phải là số không âm");
    if (!seen.insert({v.measure, v.group}).second) bad(f, "Chỉ số bị nhập hai lần");
  }
  return r;
}

namespace {

void throw_if(const std::vector<FieldError>& errs) {
  if (errs.empty()) return;
  throw invalid("invalid_plan_data",
                "Dữ liệu chưa hợp lệ (" + std::to_string(errs.size()) + " lỗi); chưa ghi gì.",
                errs);
}

Target read_target(const store::Row& r) {
  return Target{r.i64(0), r.text(1), static_cast<int>(r.i64(2)), r.text(3), r.text(4),
                r.f64(5), r.text(6)};
}

// "[3]." — the field prefix of the 4th item of a list. Built with append, not operator+: GCC 12
// at -O3 warns falsely (-Wrestrict) on "[" + std::to_string(i).
std::string item_prefix(size_t i) {
  std::string p = "[";
  p.append(std::to_string(i)).append("].");
  return p;
}

constexpr const char* kTargetCols = "id, unit_id, year, indicator, grp, value, note";

// The change feed (changes/feed.h) names the keys a write changed:
// {"targets":[[unit,year,indicator,grp],…],"results":[[unit,period,as_of,measure,grp],…]}. A
// server applying another's entry reads the values stored now under those keys, so that
// entries applied in any order leave the same figures.
constexpr const char* kFeedPart = "plans";

void record_feed(store::Connection& c, const std::vector<Target>& ts,
                 const std::vector<ResultRecord>& rs) {
  namespace json = boost::json;
  json::array targets, results;
  for (const auto& t : ts) targets.push_back(json::array{t.unit_id, t.year, t.indicator, t.group});
  for (const auto& r : rs)
    for (const auto& v : r.values)
      results.push_back(json::array{r.unit_id, r.period, r.as_of.iso(), v.measure, v.group});
  changes::record(c, kFeedPart,
                  json::serialize(json::object{{"targets", targets}, {"results", results}}));
}

}  // namespace

void Service::write_targets(store::Connection& c, std::vector<Target>& ts, const audit::Actor& by) {
  {
    store::Transaction tx(c);
    for (auto& t : ts) {
      c.execute(
          "INSERT INTO plan_targets(unit_id, year, indicator, grp, value, note)"
          " VALUES (?,?,?,?,?,?) ON CONFLICT(unit_id, year, indicator, grp) DO UPDATE SET"
          " value = excluded.value, note = excluded.note, updated_at = excluded.updated_at",
          t.unit_id, t.year, t.indicator, t.group, t.value, t.note);
      t.id = c.scalar(
                  "SELECT id FROM plan_targets WHERE unit_id = ? AND year = ? AND indicator = ?"
                  " AND grp = ?",
                  t.unit_id, t.year, t.indicator, t.group)
                 .value_or(0);
    }
    audit::record_change(c, by, targets_image(ts), ts.size() == 1 ? ts.front().unit_id : "");
    record_feed(c, ts, {});
    tx.commit();
  }
  for (const auto& t : ts)
    for (auto* l : listeners_) l->on_target(t, t.value);
}

Target Service::put_target(store::Connection& c, Target t, const audit::Actor& by) {
  std::vector<FieldError> errs;
  std::vector<Target> one{checked(std::move(t), "", errs)};
  throw_if(errs);
  write_targets(c, one, by);
  return one.front();
}

void Service::put_targets(store::Connection& c, std::vector<Target> ts, const audit::Actor& by) {
  std::vector<FieldError> errs;
  for (size_t i = 0; i < ts.size(); ++i) ts[i] = checked(std::move(ts[i]), item_prefix(i), errs);
  throw_if(errs);
  write_targets(c, ts, by);
}

std::optional<Target> Service::target(store::Connection& c, int64_t id) const {
  std::optional<Target> t;
  c.each(
      std::string("SELECT ") + kTargetCols + " FROM plan_targets WHERE id = ?",
      [&](const store::Row& r) { t = read_target(r); }, id);
  return t;
}

void Service::delete_target(store::Connection& c, int64_t id, const audit::Actor& by) {
  std::optional<Target> old;
  {
    store::Transaction tx(c);
    old = target(c, id);
    if (!old) throw not_found("target_not_found", "Không tìm thấy chỉ tiêu kế hoạch này.");
    c.execute("DELETE FROM plan_targets WHERE id = ?", id);
    audit::record_change(c, by, "", old->unit_id);
    record_feed(c, {*old}, {});
    tx.commit();
  }
  for (auto* l : listeners_) l->on_target(*old, std::nullopt);
}

std::vector<Target> Service::targets(store::Connection& c, std::string_view unit,
                                     std::optional<int> year) const {
  std::vector<Target> out;
  c.each(
      std::string("SELECT ") + kTargetCols +
          " FROM plan_targets WHERE (? = '' OR unit_id = ?) AND (CAST(? AS BIGINT) IS NULL OR year "
          "= ?)"
          " ORDER BY year, unit_id, indicator, grp",
      [&](const store::Row& r) { out.push_back(read_target(r)); }, unit, unit, year, year);
  return out;
}

void Service::write_results(store::Connection& c, const std::vector<ResultRecord>& rs,
                            const audit::Actor& by) {
  {
    store::Transaction tx(c);
    for (const auto& r : rs)
      for (const auto& v : r.values)
        c.execute(
            "INSERT INTO participation_results(unit_id, period, as_of, measure, grp, value)"
            " VALUES (?,?,?,?,?,?) ON CONFLICT(unit_id, period, measure, grp) DO UPDATE SET"
            " value = excluded.value, updated_at = excluded.updated_at",
            r.unit_id, r.period, r.as_of.iso(), v.measure, v.group, v.value);
    audit::record_change(c, by, results_image(rs), rs.size() == 1 ? rs.front().unit_id : "");
    record_feed(c, {}, rs);
    tx.commit();
  }
  for (const auto& r : rs)
    for (const auto& v : r.values)
      for (auto* l : listeners_) l->on_result(r.unit_id, r.as_of, v, false);
}

ResultRecord Service::put_result(store::Connection& c, ResultRecord r, const audit::Actor& by) {
  std::vector<FieldError> errs;
  std::vector<ResultRecord> one{checked(std::move(r), "", errs)};
  throw_if(errs);
  write_results(c, one, by);
  return one.front();
}

void Service::put_results(store::Connection& c, std::vector<ResultRecord> rs,
                          const audit::Actor& by) {
  std::vector<FieldError> errs;
  for (size_t i = 0; i < rs.size(); ++i) rs[i] = checked(std::move(rs[i]), item_prefix(i), errs);
  throw_if(errs);
  write_results(c, rs, by);
}

std::optional<ResultRecord> Service::result(store::Connection& c, std::string_view unit,
                                            std::string_view period) const {
  std::string code;
  try {
    code = periods::Period::parse(period).code();
  } catch (const Error&) {
    code = std::string(period);
  }
  std::vector<ResultRecord> all = results(c, unit, std::nullopt, std::nullopt);
  for (auto& r : all)
    if (r.period == code) return std::move(r);
  return std::nullopt;
}

void Service::delete_result(store::Connection& c, std::string_view unit, std::string_view period,
                            const audit::Actor& by) {
  std::optional<ResultRecord> old;
  {
    store::Transaction tx(c);
    old = result(c, unit, period);
    if (!old)
      throw not_found("result_not_found",
                      "Không có số liệu của đơn vị này trong kỳ " + std::string(period) + ".");
    c.execute("DELETE FROM participation_results WHERE unit_id = ? AND period = ?", unit,
              old->period);
    audit::record_change(c, by, "", old->unit_id);
    record_feed(c, {}, {*old});
    tx.commit();
  }
  for (const auto& v : old->values)
    for (auto* l : listeners_) l->on_result(old->unit_id, old->as_of, v, true);
}

std::vector<ResultRecord> Service::results(store::Connection& c, std::string_view unit,
                                           std::optional<Date> from, std::optional<Date> to) const {
  std::vector<ResultRecord> out;
  std::optional<std::string> f, t;
  if (from) f = from->iso();
  if (to) t = to->iso();
  c.each(
      "SELECT unit_id, period, as_of, measure, grp, value FROM participation_results"
      " WHERE (? = '' OR unit_id = ?) AND (CAST(? AS TEXT) IS NULL OR as_of >= ?)"
      " AND (CAST(? AS TEXT) IS NULL OR as_of <= ?)"
      " ORDER BY as_of, unit_id, period, measure, grp",
      [&](const store::Row& r) {
        if (out.empty() || out.back().unit_id != r.text(0) || out.back().period != r.text(1))
          out.push_back({r.text(0), r.text(1), Date::parse(r.text(2)).value_or(Date{}), {}});
        out.back().values.push_back({r.text(3), r.text(4), r.i64(5)});
      },
      unit, unit, f, f, t, t);
  return out;
}

void Service::scan(store::Connection& c, const std::function<void(const Target&)>& on_target,
                   const std::function<void(const ResultRecord&)>& on_result) {
  // A read, so that a server can take it in its start-up snapshot: a database without the
  // tables holds nothing to scan.
  if (!store::table_exists(c, "plan_targets")) return;
  c.each(std::string("SELECT ") + kTargetCols + " FROM plan_targets ORDER BY id",
         [&](const store::Row& r) { on_target(read_target(r)); });
  ResultRecord cur;
  c.each(
      "SELECT unit_id, period, as_of, measure, grp, value FROM participation_results"
      " ORDER BY unit_id, period",
      [&](const store::Row& r) {
        if (cur.unit_id != r.text(0) || cur.period != r.text(1)) {
          if (!cur.values.empty()) on_result(cur);
          cur = {r.text(0), r.text(1), Date::parse(r.text(2)).value_or(Date{}), {}};
        }
        cur.values.push_back({r.text(3), r.text(4), r.i64(5)});
      });
  if (!cur.values.empty()) on_result(cur);
}

// The keys of a feed entry are read back a few hundred at a time (store::each_by_keys): an
// import of thousands of targets is one entry, and every other server applies it.
bool Service::apply_change(store::Connection& c, const std::string& part,
                           const std::string& payload) {
  if (part != kFeedPart) return false;
  const auto o = boost::json::parse(payload).as_object();
  auto key_of = [](const std::vector<std::string_view>& parts) {
    std::string k;
    for (auto p : parts) k.append(p).push_back('\x1f');
    return k;
  };

  std::vector<Target> targets;
  std::vector<std::vector<store::Value>> keys;
  for (const auto& k : o.at("targets").as_array()) {
    const auto& a = k.as_array();
    Target t{0,
             std::string(a.at(0).as_string()),
             static_cast<int>(a.at(1).to_number<int64_t>()),
             std::string(a.at(2).as_string()),
             std::string(a.at(3).as_string()),
             0,
             ""};
    keys.push_back({t.unit_id, int64_t{t.year}, t.indicator, t.group});
    targets.push_back(std::move(t));
  }
  std::unordered_map<std::string, Target> stored;
  store::each_by_keys(
      c, std::string("SELECT ") + kTargetCols + " FROM plan_targets",
      {"unit_id", "year", "indicator", "grp"}, keys, [&](const store::Row& r) {
        Target t = read_target(r);
        stored[key_of({t.unit_id, std::to_string(t.year), t.indicator, t.group})] = t;
      });
  for (const Target& key : targets) {
    auto it =
        stored.find(key_of({key.unit_id, std::to_string(key.year), key.indicator, key.group}));
    const bool found = it != stored.end();
    for (auto* l : listeners_)
      l->on_target(found ? it->second : key,
                   found ? std::optional(it->second.value) : std::nullopt);
  }

  struct ResultKey {
    std::string unit, period;
    Date as_of;
    ResultValue v;
  };
  std::vector<ResultKey> results;
  keys.clear();
  for (const auto& k : o.at("results").as_array()) {
    const auto& a = k.as_array();
    ResultKey r{std::string(a.at(0).as_string()),
                std::string(a.at(1).as_string()),
                Date::parse(std::string_view(a.at(2).as_string())).value_or(Date{}),
                {std::string(a.at(3).as_string()), std::string(a.at(4).as_string()), 0}};
    keys.push_back({r.unit, r.period, r.v.measure, r.v.group});
    results.push_back(std::move(r));
  }
  std::unordered_map<std::string, int64_t> values;
  store::each_by_keys(c, "SELECT unit_id, period, measure, grp, value FROM participation_results",
                      {"unit_id", "period", "measure", "grp"}, keys, [&](const store::Row& r) {
                        values[key_of({r.text(0), r.text(1), r.text(2), r.text(3)})] = r.i64(4);
                      });
  for (ResultKey& r : results) {
    auto it = values.find(key_of({r.unit, r.period, r.v.measure, r.v.group}));
    r.v.value = it != values.end() ? it->second : 0;
    for (auto* l : listeners_) l->on_result(r.unit, r.as_of, r.v, it == values.end());
  }
  return true;
}

}  // namespace caunoi::plans
