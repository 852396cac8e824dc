// activities/activity.h — one recorded outreach activity, and the filter that selects a list.
//
// Multi-valued fields (groups, topics, languages, partners) are lists of reference codes;
// figures are (figure code, count) pairs kept sorted by code. In the table they are stored as
// comma-joined codes and "attendees=120,events=1" (codec below): one row per activity keeps the
// 200,000-rows-a-second import and the full scan for analytics cheap, and the codes never hold
// a comma or an equals sign (reference.h refuses such codes).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "activities/facts.h"
#include "common/date.h"

namespace caunoi::activities {

using Figures = std::vector<std::pair<std::string, int64_t>>;

struct Activity {
  int64_t id = 0;
  std::string reporting_unit;  // the unit that reports it ("old:15" = BHXH tỉnh Yên Bái)
  std::string place;           // where it happened: any unit id of the era of its date
  Date date_from, date_to;     // date_to == date_from for a one-day activity
  std::string kind;
  std::string channel;  // "" unless the kind takes channels
  std::vector<std::string> groups, topics, languages, partners;
  Figures figures;
  std::string title, note;
  std::string external_ref;                                    // "" = none; unique when set
  std::string created_by, created_at, updated_by, updated_at;  // ISO timestamps (UTC)
  int version = 1;
  bool deleted = false;

  std::optional<int64_t> figure(std::string_view code) const;
  ActivityFact fact() const;
};

struct Filter {
  std::string unit;              // "" or "VN" = everywhere; else the unit's subtree, both eras
  std::optional<Date> from, to;  // activities whose first day falls in [from, to]
  std::string kind, group, topic, language, channel;
  bool include_deleted = false;
};

struct Page {
  int64_t offset = 0;
  int64_t limit = 50;  // at most 1000 through the API
};

// Codec of the table's list and figure columns.
std::string join_codes(const std::vector<std::string>& codes);
std::vector<std::string> split_codes(std::string_view joined);
std::string encode_figures(const Figures& f);
Figures decode_figures(std::string_view s);
// The same texts appended to `out`, for callers that reuse one buffer a column (the import
// writes a million rows without an allocation a cell).
void append_codes(std::string& out, const std::vector<std::string>& codes);
void append_figures(std::string& out, const Figures& f);
// "2022-10-31", as Date::iso() writes it, without printf.
void append_iso(std::string& out, Date d);
// A date as stored ("2022-10-31"), parsed without the general parser (the hot path of scans).
Date parse_iso_date(std::string_view s);
// Sorts by code and drops duplicates (the first wins), as stored.
void normalize(Activity& a);

// "2026-11-23T09:30:00Z": creation and update stamps.
std::string now_utc();

}  // namespace caunoi::activities
