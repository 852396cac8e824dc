// qa/jsonl.h — the bank as JSON Lines (one entry an object a line), the format of
// data/qa/kb.jsonl, for import, export and `caunoi ask --kb`.
//
// An export also carries the hand-off examples staff made from the queue (repository.h), after
// the entries, one a line in the format of data/qa/handoff.jsonl with who made it and when:
// {"q": text, "kind": "own_case" | "out_of_scope", "added_by": …, "added_at": …}. A line without
// "id" that has "kind" is such an example; importing the export into another database brings
// them along, and exporting that one gives the same file.
#pragma once

#include <filesystem>
#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "qa/entry.h"

namespace caunoi::qa {

struct BankFile {
  std::vector<Entry> entries;
  std::vector<HandoffExample> handoff;  // staff's hand-off examples
};

// All or nothing: throws invalid_input "invalid_jsonl" listing every bad line and field
// (unparsable JSON, bad fields, duplicate ids, a hand-off example without text or with an
// unknown kind). Blank lines are skipped.
BankFile parse_bank_jsonl(std::string_view text);
// The entries alone (a file's hand-off examples are checked, then left out).
std::vector<Entry> parse_jsonl(std::string_view text);
std::vector<Entry> load_jsonl(const std::filesystem::path& file);
std::string to_jsonl(const std::vector<Entry>& entries,
                     const std::vector<HandoffExample>& handoff = {});

// Reads JSON Lines: fn(row, object) for each non-blank line, row counting from 1; the object is
// null when the line is not a JSON object. Shared by the bank, the test set and `ask --batch`.
void for_each_json_line(std::istream& in,
                        const std::function<void(long row, const boost::json::object* o)>& fn);

}  // namespace caunoi::qa
