// qa/jsonl.h — the bank as JSON Lines (one entry an object a line), the format of
// data/qa/kb.jsonl, for import, export and `caunoi ask --kb`.
#pragma once

#include <filesystem>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "qa/entry.h"

namespace caunoi::qa {

// All or nothing: throws invalid_input "invalid_jsonl" listing every bad line and field
// (unparsable JSON, bad fields, duplicate ids). Blank lines are skipped.
std::vector<Entry> parse_jsonl(std::string_view text);
std::vector<Entry> load_jsonl(const std::filesystem::path& file);
std::string to_jsonl(const std::vector<Entry>& entries);

// Reads JSON Lines: fn(row, object) for each non-blank line, row counting from 1; the object is
// null when the line is not a JSON object. Shared by the bank, the test set and `ask --batch`.
void for_each_json_line(std::istream& in,
                        const std::function<void(long row, const boost::json::object* o)>& fn);

}  // namespace caunoi::qa
