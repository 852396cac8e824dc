// analytics/engine.cpp — see engine.h.
#include "analytics/engine.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#include "common/error.h"

namespace caunoi::analytics {

By parse_by(std::string_view s) {
  static const std::pair<const char*, By> names[] = {
      {"", By::none},           {"none", By::none},       {"children", By::children},
      {"period", By::period},   {"kind", By::kind},       {"group", By::group},
      {"topic", By::topic},     {"language", By::language}, {"channel", By::channel}};
  for (const auto& [n, b] : names)
    if (s == n) return b;
  throw invalid("bad_by",
                "Tham số by chỉ nhận: children, period, kind, group, topic, language, channel.",
                {{"by", "Giá trị không hợp lệ", 0}});
}

const char* by_name(By b) {
  switch (b) {
    case By::none: return "none";
    case By::children: return "children";
    case By::period: return "period";
    case By::kind: return "kind";
    case By::group: return "group";
    case By::topic: return "topic";
    case By::language: return "language";
    case By::channel: return "channel";
  }
  return "none";
}

std::optional<double> Figure::ratio() const {
  if (!value || !previous || *previous == 0) return std::nullopt;
  return *value / *previous;
}

std::optional<double> Figure::pct_of_plan() const {
  if (!value || !target || *target == 0) return std::nullopt;
  return *value / *target * 100.0;
}

Engine::Engine(const places::Gazetteer& g) : g_(g), cube_(g), stocks_(g) {}

void Engine::set_labels(Labeler l) {
  std::unique_lock lk(mu_);
  labels_ = std::move(l);
}

std::string Engine::label(std::string_view list, std::string_view code) const {
  return labels_ ? labels_(list, code) : std::string(code);
}

int64_t Engine::facts() const {
  std::shared_lock lk(mu_);
  return cube_.facts();
}

void Engine::on_added(const activities::ActivityFact& f) {
  std::unique_lock lk(mu_);
  cube_.apply(f, +1);
}

void Engine::on_removed(const activities::ActivityFact& f) {
  std::unique_lock lk(mu_);
  cube_.apply(f, -1);
}

void Engine::on_target(const plans::Target& t, std::optional<double> value) {
  std::unique_lock lk(mu_);
  stocks_.set_target(t, value);
}

void Engine::on_result(const std::string& unit_id, Date as_of, const plans::ResultValue& v,
                       bool removed) {
  std::unique_lock lk(mu_);
  stocks_.set_result(unit_id, as_of, v, removed);
}

const places::Unit& Engine::unit_for_query(std::string_view id) const {
  const places::Unit& u = g_.get(id.empty() ? "VN" : id);
  if (!cube_.keeps_cells(u))
    throw invalid("old_commune_not_aggregated",
                  "Số liệu tổng hợp không tách riêng theo xã cũ (trước 01/7/2025); hãy chọn xã "
                  "mới, huyện cũ hoặc tỉnh.",
                  {{"unit", "Đơn vị không được tổng hợp riêng", 0}});
  return u;
}

std::vector<const places::Unit*> Engine::children_of(const places::Unit& u,
                                                     places::Era era) const {
  return g_.children(u.id, u.level == places::Level::country ? era : u.era);
}

std::optional<double> Engine::value_of(const Indicator& ind, const places::Unit& u, MonthRange r,
                                       std::optional<int>* as_of) const {
  if (ind.source == Source::activity)
    return static_cast<double>(cube_.sum(u.index, r.first, r.last,
                                         cube_.measures(ind.figure, ind.kinds)));
  auto num = stocks_.value(u, ind.numerator, r.first, r.last);
  if (!num) return std::nullopt;
  if (as_of) *as_of = num->month;
  if (!ind.is_rate()) return static_cast<double>(num->value) * ind.factor;
  // A denominator reported less often (population once a year) still serves: look back 2 years.
  auto den = stocks_.value_as_of(u, ind.denominator, num->month - 23, num->month);
  if (!den || *den == 0) return std::nullopt;
  return static_cast<double>(num->value) / static_cast<double>(*den) * ind.factor;
}

Figure Engine::figure_of(const Indicator& ind, const places::Unit& u, MonthRange r,
                         std::optional<MonthRange> prev, int year,
                         const std::string& group) const {
  Figure f;
  f.value = value_of(ind, u, r, &f.as_of);
  if (prev) f.previous = value_of(ind, u, *prev, &f.previous_as_of);
  f.target = stocks_.target(u, year, ind.code, group, ind.summable());
  return f;
}

Result Engine::query(const Query& q) const {
  const Indicator& ind = get_indicator(q.indicator);
  std::shared_lock lk(mu_);
  Result out;
  out.indicator = &ind;
  out.unit = &unit_for_query(q.unit);
  out.period = q.period;
  out.by = q.by;
  MonthRange r = months_of(q.period);
  std::optional<MonthRange> prev;
  if (q.compare) {
    out.previous_period = q.period.same_period_last_year();
    prev = months_of(*out.previous_period);
  }
  int year = q.period.to.year;
  out.total = figure_of(ind, *out.unit, r, prev, year, q.group);
  switch (q.by) {
    case By::none:
      break;
    case By::children:
      for (const auto* c : children_of(*out.unit, q.era))
        out.rows.push_back({c->id, c->name, figure_of(ind, *c, r, prev, year, q.group)});
      break;
    case By::period:
      rows_by_period(q, ind, *out.unit, r, out);
      break;
    case By::kind:
      rows_by_kind(q, ind, *out.unit, r, out);
      break;
    default:
      rows_by_dim(q, ind, *out.unit, r, out);
  }
  return out;
}

void Engine::rows_by_period(const Query& q, const Indicator& ind, const places::Unit& u,
                            MonthRange r, Result& out) const {
  // Months for up to two years, whole years beyond.
  bool yearly = r.last - r.first + 1 > 24;
  std::vector<MonthRange> parts;
  for (int m = r.first; m <= r.last;) {
    int end = yearly ? std::min(r.last, (m / 12) * 12 + 11) : m;
    parts.push_back({m, end});
    m = end + 1;
  }
  for (const auto& p : parts) {
    int y = year_of(p.first), mo = month_of(p.first);
    Row row;
    if (yearly) {
      row.key = std::to_string(y);
      row.label = "năm " + row.key;
    } else {
      row.key = std::to_string(y) + "-" + (mo < 10 ? "0" : "") + std::to_string(mo);
      row.label = "tháng " + std::to_string(mo) + "/" + std::to_string(y);
    }
    std::optional<MonthRange> prev;
    if (q.compare) prev = MonthRange{p.first - 12, p.last - 12};
    row.figure = figure_of(ind, u, p, prev, y, q.group);
    if (!yearly) row.figure.target.reset();  // an annual plan is not a month's plan
    out.rows.push_back(std::move(row));
  }
}

void Engine::rows_by_kind(const Query& q, const Indicator& ind, const places::Unit& u,
                          MonthRange r, Result& out) const {
  if (ind.source != Source::activity)
    throw invalid("bad_breakdown", "Chỉ tiêu tham gia BHXH, BHYT không chia theo loại hoạt động.",
                  {{"by", "Không áp dụng cho chỉ tiêu này", 0}});
  for (const auto& [kind, ms] : cube_.measures_by_kind(ind.figure, ind.kinds)) {
    Figure f;
    f.value = static_cast<double>(cube_.sum(u.index, r.first, r.last, ms));
    if (q.compare) f.previous = static_cast<double>(cube_.sum(u.index, r.first - 12, r.last - 12, ms));
    if (const auto* k = find_indicator("kind." + kind); k && k->figure == ind.figure)
      f.target = stocks_.target(u, q.period.to.year, k->code, q.group, true);
    if (f.value == 0 && f.previous.value_or(0) == 0) continue;
    out.rows.push_back({kind, label("kind", kind), f});
  }
}

void Engine::rows_by_dim(const Query& q, const Indicator& ind, const places::Unit& u,
                         MonthRange r, Result& out) const {
  Dim d = q.by == By::group      ? Dim::group
          : q.by == By::topic    ? Dim::topic
          : q.by == By::language ? Dim::language
                                 : Dim::channel;
  const char* list = q.by == By::group      ? "group"
                     : q.by == By::topic    ? "topic"
                     : q.by == By::language ? "language"
                                            : "channel";
  if (ind.source == Source::participation) {
    if (q.by != By::group || ind.numerator != std::vector<std::string>{"bhyt"})
      throw invalid("bad_breakdown", "Chỉ tiêu này chỉ chia theo nhóm đối tượng khi là BHYT.",
                    {{"by", "Không áp dụng cho chỉ tiêu này", 0}});
    for (const auto& g : stocks_.groups_of("bhyt")) {
      Figure f;
      if (auto v = stocks_.value(u, {"bhyt." + g}, r.first, r.last)) {
        f.value = static_cast<double>(v->value);
        f.as_of = v->month;
      }
      out.rows.push_back({g, label("group", g), f});
    }
    return;
  }
  if (!cube_.keeps_dims(u))
    throw invalid("breakdown_needs_province",
                  "Số liệu theo nhóm đối tượng, chủ đề, ngôn ngữ, kênh được tổng hợp ở cấp tỉnh "
                  "và toàn quốc; hãy chọn tỉnh hoặc toàn quốc.",
                  {{"unit", "Cần chọn tỉnh hoặc toàn quốc", 0}});
  MeasureSet ms = cube_.measures(ind.figure, ind.kinds);
  auto now = cube_.sum_by_dim(u.index, r.first, r.last, ms, d);
  std::vector<std::pair<std::string, int64_t>> before;
  if (q.compare) before = cube_.sum_by_dim(u.index, r.first - 12, r.last - 12, ms, d);
  std::vector<std::string> codes;
  for (const auto& [c, v] : now) codes.push_back(c);
  for (const auto& [c, v] : before)
    if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
  for (const auto& c : codes) {
    Figure f;
    f.value = 0;
    for (const auto& [k, v] : now)
      if (k == c) f.value = static_cast<double>(v);
    if (q.compare) {
      f.previous = 0;
      for (const auto& [k, v] : before)
        if (k == c) f.previous = static_cast<double>(v);
    }
    out.rows.push_back({c, label(list, c), f});
  }
  std::sort(out.rows.begin(), out.rows.end(),
            [](const Row& a, const Row& b) { return *a.figure.value > *b.figure.value; });
}

Ranking Engine::ranking(std::string_view indicator, const periods::Period& p,
                        std::string_view parent, places::Era era, RankBy by, bool compare,
                        size_t limit) const {
  Query q;
  q.indicator = std::string(indicator);
  q.unit = parent.empty() ? "VN" : std::string(parent);
  q.period = p;
  q.by = By::children;
  q.compare = compare || by == RankBy::change;
  q.era = era;
  Result r = query(q);
  auto key = [by](const Row& row) -> double {
    std::optional<double> k = by == RankBy::value         ? row.figure.value
                              : by == RankBy::pct_of_plan ? row.figure.pct_of_plan()
                                                          : row.figure.ratio();
    return k.value_or(-INFINITY);
  };
  std::stable_sort(r.rows.begin(), r.rows.end(),
                   [&](const Row& a, const Row& b) { return key(a) > key(b); });
  if (limit && r.rows.size() > limit) r.rows.resize(limit);
  return {r.indicator, p, std::move(r.rows)};
}

}  // namespace caunoi::analytics
