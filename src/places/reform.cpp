// places/reform.cpp — territory- and date-limited search, and the pre-reform note; see reform.h.
#include "places/reform.h"

#include <algorithm>

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

// The old units of current unit `id`'s tier that `took(successors, id)` says went into it.
template <class Took>
std::vector<const Unit*> olds_into(const Gazetteer& g, std::string_view id, Took took) {
  const Unit& cur = g.get(id);
  std::vector<const Unit*> out;
  if (cur.era != Era::current || cur.level == Level::country) return out;
  for (size_t i = 0; i < g.size(); ++i) {
    const Unit& u = g.at(static_cast<uint32_t>(i));
    if (u.era == Era::old && u.level == cur.level && !u.successors.empty() &&
        took(u.successors, cur.id))
      out.push_back(&u);
  }
  return out;
}

}  // namespace

std::vector<const Unit*> predecessors(const Gazetteer& g, std::string_view id) {
  return olds_into(g, id, [](const std::vector<std::string>& s, const std::string& cur) {
    return s.front() == cur;
  });
}

std::vector<const Unit*> partial_predecessors(const Gazetteer& g, std::string_view id) {
  return olds_into(g, id, [](const std::vector<std::string>& s, const std::string& cur) {
    return std::find(s.begin() + 1, s.end(), cur) != s.end();
  });
}

std::string before_reform_note(const Gazetteer& g, const Unit& u) {
  auto olds = predecessors(g, u.id);
  if (olds.empty() || (olds.size() == 1 && olds.front()->folded == u.folded)) return "";
  std::string list;
  for (size_t i = 0; i < olds.size(); ++i) {
    if (i > 0) list += i + 1 == olds.size() ? " và " : ", ";
    list += g.display_name(*olds[i]);
  }
  return g.display_name(u) + ", gồm " + list + " trước " + kReformDate.vi();
}

}  // namespace caunoi::places
