// qa/entry.h — one entry of the answer bank and its JSON form.
//
// The JSON keys are those of data/qa/kb.jsonl (id, topic, question, alt_questions, answer,
// legal_basis, tags, phrasings) plus optional valid_from, valid_to (ISO dates) and status.
// alt_questions are shown and searched; phrasings are the ways citizens really ask (without
// diacritics, abbreviated, as letters), used to train the classifier only, never shown to
// citizens. Entries without a
// status are published. Only published entries valid on the day are ever answered; drafts and
// retired entries stay in the bank and its history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "common/date.h"
#include "common/error.h"

namespace caunoi::qa {

inline constexpr std::size_t kMaxPhrasings = 500;
inline constexpr std::size_t kMaxPhrasingBytes = 8000;  // a queued letter may become one

enum class Status { draft, published, retired };
const char* status_name(Status s);
std::optional<Status> parse_status(std::string_view s);

struct Entry {
  std::string id;
  std::string topic;
  std::string question;
  std::vector<std::string> alt_questions;
  std::string answer;
  std::string legal_basis;
  std::vector<std::string> tags;
  std::vector<std::string> phrasings;  // training phrasings, versioned with the entry
  std::optional<Date> valid_from;
  std::optional<Date> valid_to;  // last day it applies
  Status status = Status::published;
  // Set by the bank, not by imports: version 1 is the first save.
  int version = 0;
  std::string updated_by;
  std::string updated_at;  // ISO 8601 UTC

  bool answerable(const Date& today) const;
};

// A message that no entry should answer, for training the classifier: from data/qa/handoff.jsonl
// or made by staff from a queued question (repository.h).
enum class Handoff { own_case, out_of_scope };
const char* handoff_name(Handoff k);  // "own_case", "out_of_scope"
std::optional<Handoff> parse_handoff(std::string_view s);
struct HandoffExample {
  std::string text;
  Handoff kind;
  std::string added_by, added_at;  // who made it from the queue, and when; empty in the data file
};

// Bank fields only; with_meta adds version, updated_by and updated_at.
boost::json::object to_json(const Entry& e, bool with_meta = false);
// Reads an entry; appends a FieldError per bad field (field names prefixed by `where`, e.g.
// "dòng 7 / question", with `row` set) and returns what could be read.
Entry entry_from_json(const boost::json::object& o, std::vector<FieldError>& errors,
                      const std::string& where = "", long row = 0);
// Throws invalid_input "invalid_entry" listing every bad field.
Entry parse_entry(const boost::json::object& o);

}  // namespace caunoi::qa
