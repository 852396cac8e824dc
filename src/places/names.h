// places/names.h — the units a name denotes, the one rule for wherever a person writes a unit by
// name: spreadsheet cells (sheets/units.h) and command-line options (unit_arg.h).
//
// A name is a unit's short name ("Lào Cai") or full name ("tỉnh Lào Cai"), with or without
// diacritics, in any case, optionally followed after commas by names of its ancestors to tell
// units of one name apart ("Tả Van, Sa Pa, Lào Cai"). The caller takes the first unit when it is
// alone at its tier (a province before a ward of the same name) and refuses otherwise.
#pragma once

#include <string_view>
#include <vector>

#include "places/gazetteer.h"

namespace caunoi::places {

// The units of `era` so named, highest tier first (provinces, then districts, then communes),
// in search order within a tier; empty when none.
std::vector<const Unit*> units_named(const Gazetteer& g, std::string_view text, Era era);

// How many of `named` (as units_named gives them) share the first one's tier: 1 means the name
// is taken, more that it is ambiguous.
size_t top_tier(const std::vector<const Unit*>& named);

}  // namespace caunoi::places
