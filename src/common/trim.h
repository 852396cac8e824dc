// common/trim.h — the one rule for the blanks around a piece of text, wherever text comes from
// a person or a program (spreadsheet cells, headings, HTTP header values): ASCII spaces, tabs
// and line breaks, and the non-breaking spaces that text pasted from Word or the web brings.
#pragma once

#include <string_view>

namespace caunoi {

inline std::string_view trim(std::string_view s) {
  constexpr std::string_view kNbsp = "\xC2\xA0";
  auto blank_front = [&] {
    if (s.empty()) return size_t{0};
    if (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')
      return size_t{1};
    return s.starts_with(kNbsp) ? kNbsp.size() : size_t{0};
  };
  auto blank_back = [&] {
    if (s.empty()) return size_t{0};
    if (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')
      return size_t{1};
    return s.ends_with(kNbsp) ? kNbsp.size() : size_t{0};
  };
  while (size_t n = blank_front()) s.remove_prefix(n);
  while (size_t n = blank_back()) s.remove_suffix(n);
  return s;
}

}  // namespace caunoi
