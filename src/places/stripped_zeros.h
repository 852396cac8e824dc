// places/stripped_zeros.h — unit codes that a spreadsheet stored as numbers.
//
// Excel keeps "01" or "04270" typed into a cell of General format as the number 1 or 4270, and
// writes it so to CSV. Official codes have 2 digits (province), 3 (district) or 5 (commune), so a
// shorter all-digit code may be one of those with its zeros lost. Importers (activities, plans)
// take the unit only when the digits are one short of a province or commune code and exactly
// one padded code names a unit ("1" for 01, "4270" for 04270). Otherwise they refuse the row
// with stripped_zeros_hint naming the candidates: "99" is more often a mistyped province than
// the district 099 or Hà Nội's commune 00099, and a figure on the wrong unit is worse than a
// row to correct.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "places/gazetteer.h"

namespace caunoi::places {

struct StrippedZeros {
  std::vector<const Unit*> candidates;  // `digits` padded to 2, 3 and 5 digits, as found
  const Unit* taken = nullptr;          // the one to take without asking, if any
};

// `lookup` finds a padded code (by the row's date, or by id within one era).
StrippedZeros stripped_zeros(std::string_view digits,
                             const std::function<const Unit*(const std::string&)>& lookup);

// " Có thể Excel đã bỏ số 0 ở đầu mã: 01 là Thành phố Hà Nội, … Hãy ghi đủ mã …" ("" if none),
// to append to a "no such unit" message.
std::string stripped_zeros_hint(const std::vector<const Unit*>& candidates);

}  // namespace caunoi::places
