// activities/file_columns.h — what each column of an activities file fills, decided once from
// the heading row: the headings of data/import/headings.csv (import "activities",
// sheets/headings.h) and a column per figure of the reference lists, headed by its label or
// code. Private to the activities part (row_checker.cpp; columns() in import.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "activities/reference.h"
#include "sheets/headings.h"

namespace caunoi::activities {

// What a column fills.
enum class Field : uint8_t {
  none,  // unknown heading (already reported) or a column that is read but not imported
  external_ref,
  date_from,
  date_to,
  reporting_unit,
  place,
  kind,
  channel,
  groups,
  topics,
  languages,
  partners,
  title,
  note,
  figure,
};

// "date_from" → Field::date_from, "figures.x" → Field::figure; none for "place_name" (written
// by exports beside the unit id for people to read) and anything else.
Field field_of(std::string_view field);

struct Column {
  std::string field;  // "date_from", "figures.attendees", ... ("" for an unknown heading)
  std::string heading;
  Field kind = Field::none;
  std::string figure;  // the figure code of a figure column
};

// The import's name in data/import/headings.csv.
inline constexpr std::string_view kHeadingsImport = "activities";

// Every heading an activities file may use: the data file's fields, then the figures' labels and
// codes, then the data file's other names for figures.
sheets::HeadingMap heading_map(const sheets::Headings& h, const Reference& ref);

// The heading a template writes for a field ("date_from" → "Ngày").
std::string written_heading(const sheets::Headings& h, std::string_view field);

}  // namespace caunoi::activities
