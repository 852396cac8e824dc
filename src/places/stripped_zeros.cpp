// places/stripped_zeros.cpp — see stripped_zeros.h.
#include "places/stripped_zeros.h"

#include <algorithm>

namespace caunoi::places {

StrippedZeros stripped_zeros(std::string_view digits,
                             const std::function<const Unit*(const std::string&)>& lookup) {
  StrippedZeros out;
  if (digits.empty() ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return out;
  bool one_zero = false;
  for (size_t width : {2, 3, 5}) {
    if (width <= digits.size()) continue;
    if (const Unit* u = lookup(std::string(width - digits.size(), '0') + std::string(digits))) {
      out.candidates.push_back(u);
      // Two digits are a province code already: "99" taken as the district 099 would put a
      // mistyped province's figures on a district of another one.
      one_zero = one_zero || (width == digits.size() + 1 && width != 3);
    }
  }
  if (out.candidates.size() == 1 && one_zero) out.taken = out.candidates[0];
  return out;
}

std::string stripped_zeros_hint(const std::vector<const Unit*>& candidates) {
  if (candidates.empty()) return "";
  std::string msg = " Có thể Excel đã bỏ số 0 ở đầu mã: ";
  for (size_t i = 0; i < candidates.size(); ++i) {
    msg += (i ? ", " : "") + candidates[i]->code + " là " + candidates[i]->full_name;
  }
  return msg + ". Hãy ghi đủ mã và định dạng cột là Văn bản (Text).";
}

}  // namespace caunoi::places
