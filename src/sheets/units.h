// sheets/units.h — the administrative unit a cell names, for the row's date, across the reform.
//
// A cell may hold a unit's id ("old:15", "VN"), an official code, or a name ("Yên Bái", "Xã Tả
// Van, Sa Pa, Lào Cai": the first part is the unit, the others its ancestors). Codes repeat
// across eras ("15" is Yên Bái before 1 July 2025 and Lào Cai after), so how a bare code is read
// is the import's rule (CodeRule); names are looked up in the era of the row's date, and the
// highest tier wins when alone there ("Yên Bái" is the province, not the ward). A code Excel
// stored as a number ("1" for "01") is put right when places/stripped_zeros.h says so.
// Answers are cached per (text, era): a 1,000,000-row file names a few thousand units. One
// resolver is used by one thread.
#pragma once

#include <string>
#include <string_view>

#include "common/date.h"
#include "places/gazetteer.h"
#include "sheets/text_map.h"

namespace caunoi::sheets {

enum class CodeRule {
  // A bare code is the official code in force on the row's date (activities).
  by_date,
  // A bare code is a current unit's id, "old:<code>" an old one (plans, whose files carry ids).
  as_id,
};

struct ResolvedUnit {
  std::string id;     // "" when not found
  std::string error;  // Vietnamese, when not found
  const places::Unit* unit = nullptr;
  // The province the unit lies in, in its own era (itself for a province or the country): the
  // reporting unit of an activity row that names none.
  std::string province;
  const places::Unit* province_unit = nullptr;
};

class UnitCells {
 public:
  UnitCells(const places::Gazetteer& g, CodeRule rule) : g_(g), rule_(rule) {}

  const ResolvedUnit& resolve(std::string_view text, Date at);

 private:
  std::pair<std::string, std::string> compute(std::string_view text, Date at, bool old);
  std::pair<std::string, std::string> by_code(std::string_view text, Date at);
  std::pair<std::string, std::string> as_id(std::string_view text);
  std::pair<std::string, std::string> by_name(std::string_view text, bool old);

  const places::Gazetteer& g_;
  CodeRule rule_;
  TextMap<ResolvedUnit> cache_[2];  // [current era, old era]
};

}  // namespace caunoi::sheets
