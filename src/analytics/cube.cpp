// analytics/cube.cpp — see cube.h.
#include "analytics/cube.h"

#include <algorithm>
#include <map>

#include "analytics/month.h"
#include "common/error.h"

namespace caunoi::analytics {

std::optional<uint32_t> Dict::find(std::string_view code) const {
  auto it = ids_.find(std::string(code));
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

uint32_t Dict::intern(std::string_view code) {
  if (auto id = find(code)) return *id;
  if (codes_.size() >= capacity_)
    throw Error(ErrorKind::internal, "cube_dictionary_full",
                "Danh mục mã của bộ tổng hợp đã đầy (" + std::to_string(capacity_) + " mã).");
  uint32_t id = static_cast<uint32_t>(codes_.size());
  codes_.emplace_back(code);
  ids_.emplace(std::string(code), id);
  return id;
}

Cube::Cube(const places::Gazetteer& g) : g_(g), cells_(g.size()), dims_(g.size()) {
  figures_.intern("records");  // id 0: one per activity
}

const std::vector<uint32_t>& Cube::targets_of(const std::string& unit_id) {
  auto it = targets_.find(unit_id);
  if (it != targets_.end()) return it->second;
  std::vector<uint32_t> t;
  auto add = [&](const places::Unit& u) {
    if (keeps_cells(u) && std::find(t.begin(), t.end(), u.index) == t.end()) t.push_back(u.index);
  };
  const places::Unit& u = g_.get(unit_id);
  add(u);
  for (const auto* a : g_.ancestors(u.id)) add(*a);
  if (u.era == places::Era::old) {
    const places::Unit& now = g_.current_of(u.id);
    add(now);
    for (const auto* a : g_.ancestors(now.id)) add(*a);
  }
  return targets_.emplace(unit_id, std::move(t)).first->second;
}

template <class Key>
void Cube::Block<Key>::add(Key key, int64_t v) {
  auto it = std::lower_bound(keys.begin(), keys.end(), key);
  auto i = it - keys.begin();
  if (it != keys.end() && *it == key) {
    values[static_cast<size_t>(i)] += v;
    return;
  }
  keys.insert(it, key);
  values.insert(values.begin() + i, v);
}

void Cube::apply(const activities::ActivityFact& f, int sign) {
  if (f.date.year < kFirstYear || f.date.year > 2100) return;
  const auto& units = targets_of(f.unit_id);
  uint32_t month = static_cast<uint32_t>(month_index(f.date));
  uint32_t kind = kinds_.intern(f.kind);
  // (measure, value) pairs of this fact, "records" first.
  std::vector<std::pair<uint32_t, int64_t>> mv;
  mv.reserve(f.figures.size() + 1);
  mv.emplace_back(kind << 5, sign);
  for (const auto& [fig, v] : f.figures)
    if (v != 0) mv.emplace_back(kind << 5 | figures_.intern(fig), sign * v);
  // Dimension values of this fact.
  std::vector<std::pair<uint32_t, uint32_t>> dv;
  auto add_dims = [&](Dim d, const std::vector<std::string>& codes) {
    for (const auto& c : codes)
      if (!c.empty()) dv.emplace_back(static_cast<uint32_t>(d), dim_values_[int(d)].intern(c));
  };
  add_dims(Dim::group, f.groups);
  add_dims(Dim::topic, f.topics);
  add_dims(Dim::language, f.languages);
  if (!f.channel.empty()) add_dims(Dim::channel, {f.channel});

  for (uint32_t u : units) {
    auto& cb = cells_[u].at(static_cast<int>(month));
    for (const auto& [m, v] : mv) cb.add(static_cast<uint16_t>(m), v);
    if (!keeps_dims(g_.at(u)) || dv.empty()) continue;
    auto& db = dims_[u].at(static_cast<int>(month));
    for (const auto& [d, val] : dv)
      for (const auto& [m, v] : mv) db.add(d << 30 | val << kMeasureBits | m, v);
  }
  facts_ += sign;
}

MeasureSet Cube::measures(std::string_view figure, const std::vector<std::string>& kinds) const {
  MeasureSet ms;
  auto fig = figures_.find(figure);
  if (!fig) return ms;
  if (kinds.empty()) {
    for (uint32_t k = 0; k < kinds_.size(); ++k) ms.set(k << 5 | *fig);
  } else {
    for (const auto& k : kinds)
      if (auto id = kinds_.find(k)) ms.set(*id << 5 | *fig);
  }
  return ms;
}

std::vector<std::pair<std::string, MeasureSet>> Cube::measures_by_kind(
    std::string_view figure, const std::vector<std::string>& kinds) const {
  std::vector<std::pair<std::string, MeasureSet>> out;
  auto fig = figures_.find(figure);
  if (!fig) return out;
  for (uint32_t k = 0; k < kinds_.size(); ++k) {
    const auto& code = kinds_.code(k);
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), code) == kinds.end()) continue;
    MeasureSet ms;
    ms.set(k << 5 | *fig);
    out.emplace_back(code, ms);
  }
  return out;
}

int64_t Cube::sum(uint32_t unit, int m0, int m1, const MeasureSet& ms) const {
  const auto& months = cells_[unit];
  int64_t total = 0;
  for (int m = m0; m <= m1; ++m) {
    const auto* b = months.find(m);
    if (!b) continue;
    const auto& blk = *b;
    for (size_t i = 0; i < blk.keys.size(); ++i)
      if (ms.test(blk.keys[i])) total += blk.values[i];
  }
  return total;
}

void Cube::sum_by_month(uint32_t unit, int m0, int m1, const MeasureSet& ms,
                        std::vector<int64_t>& out) const {
  out.assign(static_cast<size_t>(m1 - m0 + 1), 0);
  const auto& months = cells_[unit];
  for (int m = m0; m <= m1; ++m) {
    const auto* b = months.find(m);
    if (!b) continue;
    const auto& blk = *b;
    for (size_t i = 0; i < blk.keys.size(); ++i)
      if (ms.test(blk.keys[i])) out[static_cast<size_t>(m - m0)] += blk.values[i];
  }
}

std::vector<std::pair<std::string, int64_t>> Cube::sum_by_dim(uint32_t unit, int m0, int m1,
                                                              const MeasureSet& ms,
                                                              Dim d) const {
  std::vector<int64_t> by_value(dim_values_[int(d)].size(), 0);
  const auto& months = dims_[unit];
  uint32_t lo = static_cast<uint32_t>(d) << 30;
  for (int m = m0; m <= m1; ++m) {
    const auto* b = months.find(m);
    if (!b) continue;
    const auto& blk = *b;
    auto it = std::lower_bound(blk.keys.begin(), blk.keys.end(), lo);
    for (size_t i = static_cast<size_t>(it - blk.keys.begin());
         i < blk.keys.size() && (blk.keys[i] >> 30) == static_cast<uint32_t>(d); ++i)
      if (ms.test(blk.keys[i] & ((1u << kMeasureBits) - 1)))
        by_value[(blk.keys[i] >> kMeasureBits) & 0x7ffff] += blk.values[i];
  }
  std::vector<std::pair<std::string, int64_t>> out;
  for (size_t v = 0; v < by_value.size(); ++v)
    if (by_value[v] != 0)
      out.emplace_back(dim_values_[int(d)].code(static_cast<uint32_t>(v)), by_value[v]);
  return out;
}

}  // namespace caunoi::analytics
