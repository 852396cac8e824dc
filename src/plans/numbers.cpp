// plans/numbers.cpp — see numbers.h.
#include "plans/numbers.h"

#include <charconv>
#include <string>

namespace caunoi::plans {

std::optional<double> parse_number_vi(std::string_view text) {
  std::string s;
  for (char ch : text)
    if (ch != ' ' && ch != '\xA0') s += ch;
  if (s.empty()) return std::nullopt;
  bool has_comma = s.find(',') != std::string::npos;
  auto dot = s.find('.');
  if (has_comma) {
    // Vietnamese: dots group, the (single) comma is the decimal mark.
    std::erase(s, '.');
    if (s.find(',') != s.rfind(',')) return std::nullopt;
    s[s.find(',')] = '.';
  } else if (dot != std::string::npos) {
    // "1.604.000" or "18.100": every dot followed by exactly three digits → grouping.
    bool grouping = s.find('.', dot + 1) != std::string::npos;
    if (!grouping) grouping = s.size() - dot - 1 == 3 && dot > 0 && dot <= 3;
    if (grouping) {
      std::string digits;
      size_t run = 0;
      for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '.') {
          if (run == 0 || (i > dot && run != 3)) return std::nullopt;
          run = 0;
          continue;
        }
        digits += s[i];
        ++run;
      }
      if (run != 3) return std::nullopt;
      s = digits;
    }
  }
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace caunoi::plans
