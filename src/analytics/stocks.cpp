// analytics/stocks.cpp — see stocks.h.
#include "analytics/stocks.h"

#include <algorithm>

#include "analytics/month.h"

namespace caunoi::analytics {
namespace {

std::string key_of(const plans::ResultValue& v) {
  return v.group.empty() ? v.measure : v.measure + "." + v.group;
}

// Last point of a series in [m0, m1].
const StockValue* last_in(const std::vector<StockValue>& s, int m0, int m1) {
  auto it = std::upper_bound(s.begin(), s.end(), m1,
                             [](int m, const StockValue& v) { return m < v.month; });
  if (it == s.begin()) return nullptr;
  --it;
  return it->month >= m0 ? &*it : nullptr;
}

places::Era era_at(int month) {
  return month >= month_index(places::kReformDate) ? places::Era::current : places::Era::old;
}

}  // namespace

void Stocks::set_result(const std::string& unit_id, Date as_of, const plans::ResultValue& v,
                        bool removed) {
  const places::Unit* u = g_.find(unit_id);
  if (!u) return;
  auto& s = results_[key_of(v)].by_unit[u->index];
  int m = month_index(as_of);
  auto it = std::lower_bound(s.begin(), s.end(), m,
                             [](const StockValue& x, int month) { return x.month < month; });
  bool found = it != s.end() && it->month == m;
  if (removed) {
    if (found) s.erase(it);
  } else if (found) {
    it->value = v.value;
  } else {
    s.insert(it, {m, v.value});
  }
}

void Stocks::set_target(const plans::Target& t, std::optional<double> value) {
  const places::Unit* u = g_.find(t.unit_id);
  if (!u) return;
  auto& m = targets_[{t.year, t.indicator, t.group}];
  if (value) m[u->index] = *value;
  else m.erase(u->index);
}

bool Stocks::contributes(const places::Unit& holder, const places::Unit& u) const {
  if (holder.index == u.index || holder.level != places::Level::province) return false;
  if (u.level == places::Level::country) return true;
  return u.level == places::Level::province && g_.within(holder.id, u.id);
}

std::optional<int> Stocks::last_month(const places::Unit& u, const Holders& h, int m0,
                                      int m1) const {
  std::optional<int> best;
  for (const auto& [idx, series] : h.by_unit) {
    const places::Unit& holder = g_.at(idx);
    if (idx != u.index && !contributes(holder, u)) continue;
    if (const auto* p = last_in(series, m0, m1)) best = std::max(best.value_or(p->month), p->month);
  }
  return best;
}

std::optional<int64_t> Stocks::at(const places::Unit& u, const Holders& h, int m0, int m) const {
  if (auto own = h.by_unit.find(u.index); own != h.by_unit.end())
    if (const auto* p = last_in(own->second, m0, m)) return p->value;
  // Provinces of the era in force at m; the other era only if that one has nothing.
  for (places::Era era : {era_at(m), era_at(m) == places::Era::old ? places::Era::current
                                                                    : places::Era::old}) {
    std::optional<int64_t> sum;
    for (const auto& [idx, series] : h.by_unit) {
      const places::Unit& holder = g_.at(idx);
      if (holder.era != era || !contributes(holder, u)) continue;
      if (const auto* p = last_in(series, m0, m)) sum = sum.value_or(0) + p->value;
    }
    if (sum) return sum;
  }
  return std::nullopt;
}

std::optional<StockValue> Stocks::value(const places::Unit& u,
                                        const std::vector<std::string>& keys, int m0,
                                        int m1) const {
  std::optional<int> month;
  for (const auto& k : keys) {
    auto it = results_.find(k);
    if (it == results_.end()) continue;
    if (auto m = last_month(u, it->second, m0, m1)) month = std::max(month.value_or(*m), *m);
  }
  if (!month) return std::nullopt;
  auto v = value_as_of(u, keys, m0, *month);
  if (!v) return std::nullopt;
  return StockValue{*month, *v};
}

std::optional<int64_t> Stocks::value_as_of(const places::Unit& u,
                                           const std::vector<std::string>& keys, int m0,
                                           int m) const {
  std::optional<int64_t> total;
  for (const auto& k : keys) {
    auto it = results_.find(k);
    if (it == results_.end()) continue;
    if (auto v = at(u, it->second, m0, m)) total = total.value_or(0) + *v;
  }
  return total;
}

std::optional<double> Stocks::target(const places::Unit& u, int year, const std::string& indicator,
                                     const std::string& group, bool summable) const {
  auto it = targets_.find({year, indicator, group});
  if (it == targets_.end()) return std::nullopt;
  const auto& m = it->second;
  if (auto own = m.find(u.index); own != m.end()) return own->second;
  if (!summable) return std::nullopt;
  for (places::Era era : {places::Era::current, places::Era::old}) {
    std::optional<double> sum;
    for (const auto& [idx, v] : m) {
      const places::Unit& holder = g_.at(idx);
      if (holder.era == era && contributes(holder, u)) sum = sum.value_or(0) + v;
    }
    if (sum) return sum;
  }
  return std::nullopt;
}

std::vector<std::string> Stocks::groups_of(const std::string& measure) const {
  std::vector<std::string> out;
  std::string prefix = measure + ".";
  for (const auto& [k, h] : results_)
    if (k.starts_with(prefix)) out.push_back(k.substr(prefix.size()));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace caunoi::analytics
