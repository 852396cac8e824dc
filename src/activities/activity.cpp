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
  for (const auto& c : codes) {
    if (!out.empty()) out += ',';
    out += c;
  }
  return out;
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
  for (const auto& [code, v] : f) {
    if (!out.empty()) out += ',';
    out += code;
    out += '=';
    out += std::to_string(v);
  }
  return out;
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
