// tabular/column_fit.cpp — see column_fit.h.
#include "tabular/column_fit.h"

#include <algorithm>

namespace caunoi::tabular {

namespace {

constexpr double kPaddingMm = 4.5;  // the cell's side margins (2 × 1.9 mm) and a little air

// Code points, not bytes: "Đơn vị" is 6 characters wide.
size_t chars(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

size_t longest_word(std::string_view s) {
  size_t best = 0;
  for (size_t from = 0; from < s.size();) {
    size_t space = s.find(' ', from);
    if (space == std::string_view::npos) space = s.size();
    best = std::max(best, chars(s.substr(from, space - from)));
    from = space + 1;
  }
  return best;
}

}  // namespace

std::vector<double> fit_columns(const std::vector<std::vector<std::string>>& rows,
                                const std::vector<bool>& numeric, double total_mm, double size_pt) {
  const size_t n = numeric.size();
  const double char_mm = size_pt * 0.5 * 25.4 / 72;
  std::vector<double> min(n, kPaddingMm), want(n, kPaddingMm);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t c = 0; c < n && c < rows[r].size(); ++c) {
      const std::string& s = rows[r][c];
      bool whole = r > 0 && numeric[c];
      min[c] = std::max(min[c], (whole ? chars(s) : longest_word(s)) * char_mm + kPaddingMm);
      // Headings wrap to their longest word at no cost; a long name wrapped is harder to read.
      if (r > 0) want[c] = std::max(want[c], chars(s) * char_mm + kPaddingMm);
      want[c] = std::max(want[c], min[c]);
    }
  }
  double sum_min = 0, sum_want = 0, short_of = 0;
  for (size_t c = 0; c < n; ++c) {
    sum_min += min[c];
    sum_want += want[c];
    short_of += want[c] - min[c];
  }
  std::vector<double> out(n);
  if (sum_min >= total_mm) {
    for (size_t c = 0; c < n; ++c) out[c] = min[c] * total_mm / sum_min;
  } else if (sum_want <= total_mm) {
    for (size_t c = 0; c < n; ++c) out[c] = want[c] * total_mm / sum_want;
  } else {
    double spare = total_mm - sum_min;
    for (size_t c = 0; c < n; ++c) out[c] = min[c] + spare * (want[c] - min[c]) / short_of;
  }
  return out;
}

}  // namespace caunoi::tabular
