// activities/file_columns.cpp — see file_columns.h.
#include "activities/file_columns.h"

#include <iterator>

#include "activities/import.h"

namespace caunoi::activities {

Field field_of(std::string_view f) {
  // The field names, in the order of the enumerators.
  static constexpr std::string_view kNames[] = {
      "",        "external_ref", "date_from", "date_to",   "reporting_unit", "place", "kind",
      "channel", "groups",       "topics",    "languages", "partners",       "title", "note"};
  if (f.starts_with("figures.")) return Field::figure;
  for (size_t i = 1; i < std::size(kNames); ++i)
    if (kNames[i] == f) return static_cast<Field>(i);
  return Field::none;
}

sheets::HeadingMap heading_map(const sheets::Headings& h, const Reference& ref) {
  sheets::HeadingMap m;
  m.add(h, kHeadingsImport, "", "figures.");
  for (const auto& f : ref.entries("figure")) {
    m.add(f.label, "figures." + f.code);
    m.add(f.code, "figures." + f.code);
  }
  m.add(h, kHeadingsImport, "figures.");
  return m;
}

std::string written_heading(const sheets::Headings& h, std::string_view field) {
  for (const auto& c : h.columns(kHeadingsImport))
    if (c.field == field) return c.heading;
  return std::string(field);
}

std::vector<ColumnSpec> columns(const Reference& ref) {
  std::vector<ColumnSpec> out;
  for (const auto& c : sheets::Headings::standard()->columns(kHeadingsImport))
    if (!c.field.starts_with("figures.")) out.push_back({c.heading, c.field});
  for (const auto& f : ref.entries("figure")) out.push_back({f.label, "figures." + f.code});
  return out;
}

}  // namespace caunoi::activities
