// activities/row_columns.h — the columns an activity is inserted with: the fields of
// repo::RowTexts in their order, then the four stamps. One list for the one-row insert
// (repository.cpp) and the file import's bulk insert (bulk_insert.cpp), so that the two cannot
// drift apart. Internal to the activities component.
#pragma once

#include <string>
#include <vector>

namespace caunoi::activities::repo {

inline const std::vector<std::string>& insert_columns() {
  static const std::vector<std::string> k = {
      "reporting_unit", "place",        "date_from",  "date_to",    "kind",       "channel",
      "groups",         "topics",       "languages",  "partners",   "figures",    "title",
      "note",           "external_ref", "created_by", "created_at", "updated_by", "updated_at"};
  return k;
}

}  // namespace caunoi::activities::repo
