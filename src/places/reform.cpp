// places/reform.cpp — territory- and date-limited search, and the pre-reform note; see reform.h.
#include "places/reform.h"

#include <algorithm>

#include "text/fold.h"

namespace caunoi::places {

std::vector<const Unit*> search_in(const Gazetteer& g, std::string_view query, size_t limit,
                                   std::string_view within, std::optional<Date> on) {
  g.get(within);  // an unknown territory is a refusal, not an empty list
  std::optional<Era> era;
  if (on) era = *on < kReformDate ? Era::old : Era::current;
  std::vector<const Unit*> out;
  // Filtering after ranking keeps Gazetteer::search's order; it scans every unit anyway.
  for (const Unit* u : g.search(query, g.size(), era)) {
    if (out.size() >= limit) break;
    bool keep = u->level == Level::country ? within == "VN" : g.within(u->id, within);
    if (keep) out.push_back(u);
  }
  return out;
}

namespace {

// The old units of `cur`'s tier for which `pick(successors)` holds.
template <class Pick>
std::vector<const Unit*> old_units_where(const Gazetteer& g, std::string_view id, Pick pick) {
  const Unit& cur = g.get(id);
  std::vector<const Unit*> out;
  if (cur.era != Era::current || cur.level == Level::country) return out;
  for (size_t i = 0; i < g.size(); ++i) {
    const Unit& u = g.at(static_cast<uint32_t>(i));
    if (u.era == Era::old && u.level == cur.level && !u.successors.empty() && pick(u.successors))
      out.push_back(&u);
  }
  return out;
}

// "a, b và c"
template <class Name>
std::string list_vi(const std::vector<const Unit*>& units, Name name) {
  std::string out;
  for (size_t i = 0; i < units.size(); ++i) {
    if (i > 0) out += i + 1 == units.size() ? " và " : ", ";
    out += name(*units[i]);
  }
  return out;
}

// "phường Hoàn Kiếm, phường Ô Chợ Dừa": the successors of `u` other than `except`.
std::string other_successors(const Gazetteer& g, const Unit& u, std::string_view except) {
  std::string out;
  for (const auto& s : u.successors) {
    if (s == except) continue;
    if (!out.empty()) out += ", ";
    out += g.display_name(g.get(s));
  }
  return out;
}

}  // namespace

std::vector<const Unit*> predecessors(const Gazetteer& g, std::string_view id) {
  return old_units_where(g, id, [&](const auto& s) { return s.front() == id; });
}

std::vector<const Unit*> partial_predecessors(const Gazetteer& g, std::string_view id) {
  return old_units_where(g, id, [&](const auto& s) {
    return s.front() != id && std::find(s.begin() + 1, s.end(), id) != s.end();
  });
}

std::string before_reform_note(const Gazetteer& g, const Unit& u) {
  auto olds = predecessors(g, u.id);
  auto parts = partial_predecessors(g, u.id);
  bool whole_self =
      olds.size() == 1 && olds.front()->folded == u.folded && olds.front()->successors.size() == 1;
  if ((olds.empty() || whole_self) && parts.empty()) return "";
  auto part_list = list_vi(parts, [&](const Unit& o) {
    return g.display_name(o) + " (số liệu tính ở " + g.display_name(g.get(o.successors.front())) +
           ")";
  });
  const std::string before = " trước " + kReformDate.vi();
  // No old unit counts here whole: the figures before the reform are all elsewhere.
  if (olds.empty())
    return g.display_name(u) + "," + before + " không gồm trọn đơn vị cũ nào; nhận một phần " +
           part_list;
  std::string note = g.display_name(u) + ", gồm " +
                     list_vi(olds,
                             [&](const Unit& o) {
                               std::string name = g.display_name(o);
                               if (o.successors.size() > 1)
                                 name += " (cả " + text::lower_nfc(o.type) +
                                         ", dù một phần nay thuộc " + other_successors(g, o, u.id) +
                                         ")";
                               return name;
                             }) +
                     before;
  if (!parts.empty()) note += "; nhận thêm một phần " + part_list;
  return note;
}

}  // namespace caunoi::places
