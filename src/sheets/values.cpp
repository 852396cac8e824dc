// sheets/values.cpp — see values.h. Called for every cell of a million-row import
// (bench/import_bench.cpp): nothing here allocates for the common cases.
#include "sheets/values.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "common/trim.h"
#include "tabular/csv_writer.h"

namespace caunoi::sheets {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string_view cell_text(std::string_view raw) {
  return tabular::unescape_text_cell(trim(raw));
}

bool blank_row(tabular::Cells cells) {
  return std::all_of(cells.begin(), cells.end(),
                     [](std::string_view c) { return trim(c).empty(); });
}

std::optional<Date> read_date(std::string_view s) {
  if (auto d = Date::parse(s)) return d;
  if (all_digits(s) && s.size() == 5) {
    int serial = 0;
    std::from_chars(s.data(), s.data() + s.size(), serial);
    if (serial > 0) {
      // Excel counts 29/02/1900, which never was: serials up to it are a day early.
      long days = serial <= 60 ? serial + 1 : serial;
      return Date{1899, 12, 30}.add_days(days);
    }
  }
  int parts[3] = {0, 0, 0};
  size_t lens[3] = {0, 0, 0};
  int n = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (n > 2 || lens[n] >= 4) return std::nullopt;
      parts[n] = parts[n] * 10 + (c - '0');
      ++lens[n];
    } else if ((c == '/' || c == '-' || c == '.') && n < 2 && lens[n] > 0) {
      ++n;
    } else {
      return std::nullopt;
    }
  }
  if (n != 2 || lens[2] == 0) return std::nullopt;
  int y, m, d;
  if (lens[0] == 4) {
    y = parts[0], m = parts[1], d = parts[2];
  } else if (lens[2] == 4) {
    d = parts[0], m = parts[1], y = parts[2];
  } else {
    return std::nullopt;
  }
  if (!Date::valid(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

std::optional<int64_t> read_count(std::string_view s) {
  std::string digits;
  bool neg = false;
  if (!s.empty() && s.front() == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  auto grouped = [&](char sep) {
    // 1-3 digits, then groups of exactly three after each separator.
    size_t first = s.find(sep);
    if (first == std::string_view::npos || first == 0 || first > 3) return false;
    for (size_t i = 0; i < s.size(); ++i) {
      bool at_sep = i >= first && (i - first) % 4 == 0;
      if (at_sep ? s[i] != sep : !(s[i] >= '0' && s[i] <= '9')) return false;
    }
    return (s.size() - first) % 4 == 0;
  };
  if (all_digits(s)) {
    digits = s;
  } else if (grouped('.') || grouped(',')) {
    for (char c : s)
      if (c != '.' && c != ',') digits += c;
  } else {
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v) || v != std::floor(v) ||
        std::fabs(v) > 9e15)
      return std::nullopt;
    return static_cast<int64_t>(neg ? -v : v);
  }
  if (digits.empty() || digits.size() > 15) return std::nullopt;
  int64_t v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return neg ? -v : v;
}

std::optional<double> read_number(std::string_view text) {
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

}  // namespace caunoi::sheets
