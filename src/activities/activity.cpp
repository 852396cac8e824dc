// activities/activity.cpp — the codec of list and figure columns, and Activity helpers.
#include "activities/activity.h"

#include <algorithm>
#include <charconv>
#include <ctime>

namespace caunoi::activities {

std::optional<int64_t> Activity::figure(std::string_view code) const {
  for (const auto& [c, v] : figures) {
    if (c == code) return v;
  }
  return std::nullopt;
}

ActivityFact Activity::fact() const {
  ActivityFact f;
  f.id = id;
  f.unit_id = place;
  f.date = date_from;
  f.kind = kind;
  f.channel = channel;
  f.groups = groups;
  f.topics = topics;
  f.languages = languages;
  f.figures = figures;
  return f;
}

std::string join_codes(const std::vector<std::string>& codes) {
  std::string out;
  append_codes(out, codes);
  return out;
}

void append_codes(std::string& out, const std::vector<std::string>& codes) {
  for (size_t i = 0; i < codes.size(); ++i) {
    if (i) out += ',';
    out += codes[i];
  }
}

std::vector<std::string> split_codes(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t comma = s.find(',');
    out.emplace_back(s.substr(0, comma));
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

std::string encode_figures(const Figures& f) {
  std::string out;
  append_figures(out, f);
  return out;
}

void append_figures(std::string& out, const Figures& f) {
  char buf[24];
  for (size_t i = 0; i < f.size(); ++i) {
    if (i) out += ',';
    out += f[i].first;
    out += '=';
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, f[i].second);
    out.append(buf, end);
  }
}

void append_iso(std::string& out, Date d) {
  if (d.year < 0 || d.year > 9999 || d.month < 0 || d.month > 99 || d.day < 0 || d.day > 99) {
    // Not a calendar date (never stored): whatever the general path writes.
    out += d.iso();
    return;
  }
  char buf[10] = {static_cast<char>('0' + d.year / 1000),
                  static_cast<char>('0' + d.year / 100 % 10),
                  static_cast<char>('0' + d.year / 10 % 10),
                  static_cast<char>('0' + d.year % 10),
                  '-',
                  static_cast<char>('0' + d.month / 10),
                  static_cast<char>('0' + d.month % 10),
                  '-',
                  static_cast<char>('0' + d.day / 10),
                  static_cast<char>('0' + d.day % 10)};
  out.append(buf, sizeof buf);
}

Figures decode_figures(std::string_view s) {
  Figures out;
  while (!s.empty()) {
    size_t comma = s.find(',');
    std::string_view item = s.substr(0, comma);
    size_t eq = item.find('=');
    if (eq != std::string_view::npos) {
      int64_t v = 0;
      std::from_chars(item.data() + eq + 1, item.data() + item.size(), v);
      out.emplace_back(std::string(item.substr(0, eq)), v);
    }
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

Date parse_iso_date(std::string_view s) {
  auto digit = [&](size_t i) { return s[i] - '0'; };
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    return Date{digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3),
                digit(5) * 10 + digit(6), digit(8) * 10 + digit(9)};
  }
  return Date::parse(s).value_or(Date{});
}

namespace {
void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}
}  // namespace

void normalize(Activity& a) {
  sort_unique(a.groups);
  sort_unique(a.topics);
  sort_unique(a.languages);
  sort_unique(a.partners);
  std::stable_sort(a.figures.begin(), a.figures.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  a.figures.erase(std::unique(a.figures.begin(), a.figures.end(),
                              [](const auto& x, const auto& y) { return x.first == y.first; }),
                  a.figures.end());
}

std::string now_utc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace caunoi::activities
