// places/gazetteer.cpp — in-memory unit tree, search and era roll-up; see gazetteer.h.
#include "places/gazetteer.h"

#include <algorithm>

#include "common/error.h"
#include "text/fold.h"

namespace caunoi::places {

Gazetteer Gazetteer::load(store::Connection& c) {
  Gazetteer g;
  c.each(
      "SELECT id, code, name, full_name, type, level, era, parent_id, valid_from, valid_to"
      " FROM units ORDER BY era DESC, level, code",
      [&](const store::Row& r) {
        Unit u;
        u.id = r.text(0);
        u.code = r.text(1);
        u.name = r.text(2);
        u.full_name = r.text(3);
        u.type = r.text(4);
        u.level = static_cast<Level>(r.i64(5));
        u.era = static_cast<Era>(r.i64(6));
        u.parent_id = r.text(7);
        if (!r.is_null(8)) u.valid_from = Date::parse(r.text(8));
        if (!r.is_null(9)) u.valid_to = Date::parse(r.text(9));
        u.index = static_cast<uint32_t>(g.units_.size());
        u.folded = text::fold(u.name);
        u.folded_full = text::fold(u.full_name);
        g.by_id_.emplace(u.id, u.index);
        g.units_.push_back(std::move(u));
      });
  c.each("SELECT old_id, new_id FROM unit_successors ORDER BY old_id, rank",
         [&](const store::Row& r) {
           auto it = g.by_id_.find(r.text(0));
           if (it != g.by_id_.end()) g.units_[it->second].successors.push_back(r.text(1));
         });
  g.children_.resize(g.units_.size());
  for (const auto& u : g.units_) {
    auto p = g.by_id_.find(u.parent_id);
    if (p != g.by_id_.end()) g.children_[p->second].push_back(u.index);
  }
  return g;
}

const Unit* Gazetteer::find(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  return it == by_id_.end() ? nullptr : &units_[it->second];
}

const Unit& Gazetteer::get(std::string_view id) const {
  if (const Unit* u = find(id)) return *u;
  throw not_found("unit_not_found",
                  "Không tìm thấy đơn vị hành chính có mã \"" + std::string(id) + "\".");
}

std::vector<const Unit*> Gazetteer::children(std::string_view id, Era era) const {
  std::vector<const Unit*> out;
  const Unit& u = get(id);
  for (uint32_t i : children_[u.index])
    if (units_[i].era == era || u.level != Level::country) out.push_back(&units_[i]);
  return out;
}

std::vector<const Unit*> Gazetteer::ancestors(std::string_view id) const {
  std::vector<const Unit*> out;
  const Unit* u = &get(id);
  while (!u->parent_id.empty()) {
    u = &get(u->parent_id);
    out.push_back(u);
  }
  return out;
}

std::vector<const Unit*> Gazetteer::search(std::string_view query, size_t limit,
                                           std::optional<Era> era) const {
  std::string q = text::fold(query);
  if (q.empty()) return {};
  // Rank: 0 exact name, 1 exact full name ("tinh lao cai"), 2 name prefix, 3 word prefix,
  // 4 substring; then provinces before districts before communes, today's units first.
  struct Hit {
    int rank;
    const Unit* u;
  };
  std::vector<Hit> hits;
  for (const auto& u : units_) {
    if (era && u.era != *era) continue;
    int rank = -1;
    if (u.code == query)
      rank = 0;
    else if (u.folded == q)
      rank = 0;
    else if (u.folded_full == q)
      rank = 1;
    else if (u.folded.starts_with(q))
      rank = 2;
    else {
      auto pos = u.folded.find(q);
      if (pos != std::string::npos) rank = (pos > 0 && u.folded[pos - 1] == ' ') ? 3 : 4;
    }
    if (rank >= 0) hits.push_back({rank, &u});
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (a.u->level != b.u->level) return a.u->level < b.u->level;
    if (a.u->era != b.u->era) return a.u->era > b.u->era;
    return a.u->index < b.u->index;
  });
  std::vector<const Unit*> out;
  for (size_t i = 0; i < hits.size() && out.size() < limit; ++i) out.push_back(hits[i].u);
  return out;
}

const Unit* Gazetteer::resolve_code(std::string_view code, Date at) const {
  if (code == "VN") return find("VN");
  if (code.starts_with("old:")) return find(code);
  return at < kReformDate ? find("old:" + std::string(code)) : find(code);
}

const Unit& Gazetteer::current_of(std::string_view id) const {
  const Unit& u = get(id);
  if (u.era == Era::current || u.successors.empty()) return u;
  return get(u.successors.front());
}

const Unit& Gazetteer::current_province_of(std::string_view id) const {
  const Unit* u = &current_of(id);
  while (u->level > Level::province) u = &get(u->parent_id);
  return *u;
}

bool Gazetteer::within(std::string_view id, std::string_view ancestor) const {
  if (ancestor == "VN") return find(id) != nullptr;
  const Unit& a = get(ancestor);
  const Unit* u = &get(id);
  if (a.era == Era::current && u->era == Era::old) u = &current_of(id);
  if (u->era != a.era) return false;
  for (;;) {
    if (u->index == a.index) return true;
    if (u->level <= a.level || u->parent_id.empty()) return false;
    u = &get(u->parent_id);
  }
}

std::string Gazetteer::display_name(const Unit& u) const {
  if (u.level == Level::country) return "toàn quốc";
  return text::lower_nfc(u.type) + " " + u.name;
}

}  // namespace caunoi::places
