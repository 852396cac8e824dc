// places/unit_arg.h — the unit a person typed: a code or a name.
//
// Used wherever a person types a unit (`caunoi report --unit "Lào Cai"`, `caunoi user add --unit
// "lao cai"`): an id or official code of a unit ("VN", "10", "old:15") is taken as is; otherwise
// the text is a name, with or without diacritics, of a current unit, either its short name ("Lào
// Cai") or its full name ("tỉnh Lào Cai"), optionally followed by its province after a comma
// (names.h: the rule spreadsheet imports follow too). When several current units bear that name
// the highest tier wins (a province before a ward of the same name); several at that tier, or none,
// is a refusal that lists the candidates with their codes.
#pragma once

#include <string_view>

#include "places/gazetteer.h"

namespace caunoi::places {

// Throws invalid_input "ambiguous_unit" (candidates in the message and as field errors) or
// not_found "unit_not_found" (with names that start alike, if any).
const Unit& unit_from_text(const Gazetteer& g, std::string_view text);

}  // namespace caunoi::places
