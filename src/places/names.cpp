// places/names.cpp — see names.h.
#include "places/names.h"

#include <algorithm>
#include <string>

#include "common/trim.h"
#include "text/fold.h"

namespace caunoi::places {

std::vector<const Unit*> units_named(const Gazetteer& g, std::string_view text, Era era) {
  // "Tả Van, Sa Pa, Lào Cai": the first part is the unit, the others its ancestors.
  std::vector<std::string> parts;
  std::string_view rest = text;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    parts.push_back(text::fold(trim(rest.substr(0, comma))));
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  if (parts.empty()) return {};
  auto name_is = [](const Unit& u, const std::string& f) {
    return u.folded == f || u.folded_full == f;
  };
  std::vector<const Unit*> hits;
  for (const Unit* u : g.search(trim(text.substr(0, text.find(','))), 400, era)) {
    if (!name_is(*u, parts[0])) continue;
    bool ancestors_match = true;
    for (size_t i = 1; i < parts.size() && ancestors_match; ++i) {
      ancestors_match = false;
      for (const Unit* a : g.ancestors(u->id)) ancestors_match |= name_is(*a, parts[i]);
    }
    if (ancestors_match) hits.push_back(u);
  }
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Unit* a, const Unit* b) { return a->level < b->level; });
  return hits;
}

size_t top_tier(const std::vector<const Unit*>& named) {
  return static_cast<size_t>(std::count_if(
      named.begin(), named.end(), [&](const Unit* u) { return u->level == named.front()->level; }));
}

}  // namespace caunoi::places
