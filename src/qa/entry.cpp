// qa/entry.cpp — validation and JSON of bank entries; see entry.h.
#include "qa/entry.h"

#include <algorithm>

namespace caunoi::qa {
namespace json = boost::json;

const char* status_name(Status s) {
  switch (s) {
    case Status::draft:
      return "draft";
    case Status::published:
      return "published";
    case Status::retired:
      return "retired";
  }
  return "draft";
}

std::optional<Status> parse_status(std::string_view s) {
  if (s == "draft") return Status::draft;
  if (s == "published") return Status::published;
  if (s == "retired") return Status::retired;
  return std::nullopt;
}

const char* handoff_name(Handoff k) {
  return k == Handoff::own_case ? "own_case" : "out_of_scope";
}

std::optional<Handoff> parse_handoff(std::string_view s) {
  if (s == "own_case") return Handoff::own_case;
  if (s == "out_of_scope") return Handoff::out_of_scope;
  return std::nullopt;
}

bool Entry::answerable(const Date& today) const {
  return status == Status::published && (!valid_from || *valid_from <= today) &&
         (!valid_to || today <= *valid_to);
}

json::object to_json(const Entry& e, bool with_meta) {
  json::object o;
  o["id"] = e.id;
  o["topic"] = e.topic;
  o["question"] = e.question;
  json::array alts;
  for (const auto& a : e.alt_questions) alts.emplace_back(a);
  o["alt_questions"] = std::move(alts);
  o["answer"] = e.answer;
  o["legal_basis"] = e.legal_basis;
  json::array tags;
  for (const auto& t : e.tags) tags.emplace_back(t);
  o["tags"] = std::move(tags);
  json::array phrasings;
  for (const auto& t : e.phrasings) phrasings.emplace_back(t);
  o["phrasings"] = std::move(phrasings);
  if (e.valid_from) o["valid_from"] = e.valid_from->iso();
  if (e.valid_to) o["valid_to"] = e.valid_to->iso();
  o["status"] = status_name(e.status);
  if (with_meta) {
    o["version"] = e.version;
    o["updated_by"] = e.updated_by;
    o["updated_at"] = e.updated_at;
  }
  return o;
}

namespace {

bool id_ok(const std::string& id) {
  return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ||
           (c >= 'A' && c <= 'Z');
  });
}

struct Reader {
  const json::object& o;
  std::vector<FieldError>& errors;
  const std::string& where;
  long row;

  void fail(const char* field, std::string msg) {
    errors.push_back({where.empty() ? field : where + " / " + field, std::move(msg), row});
  }
  std::string text(const char* field, bool required) {
    const json::value* v = o.if_contains(field);
    if (!v || v->is_null()) {
      if (required) fail(field, "Thiếu trường bắt buộc.");
      return {};
    }
    if (!v->is_string()) {
      fail(field, "Phải là chuỗi ký tự.");
      return {};
    }
    std::string s(v->as_string());
    if (required && s.find_first_not_of(" \t\r\n") == std::string::npos)
      fail(field, "Không được để trống.");
    return s;
  }
  std::vector<std::string> list(const char* field) {
    std::vector<std::string> out;
    const json::value* v = o.if_contains(field);
    if (!v || v->is_null()) return out;
    if (!v->is_array()) {
      fail(field, "Phải là danh sách chuỗi.");
      return out;
    }
    for (const auto& x : v->as_array()) {
      if (!x.is_string()) {
        fail(field, "Phải là danh sách chuỗi.");
        return {};
      }
      out.emplace_back(x.as_string());
    }
    return out;
  }
  std::optional<Date> date(const char* field) {
    std::string s = text(field, false);
    if (s.empty()) return std::nullopt;
    auto d = Date::parse(s);
    if (!d) fail(field, "Ngày không hợp lệ (dạng 2025-07-01 hoặc 01/07/2025).");
    return d;
  }
};

}  // namespace

Entry entry_from_json(const json::object& o, std::vector<FieldError>& errors,
                      const std::string& where, long row) {
  Reader r{o, errors, where, row};
  Entry e;
  e.id = r.text("id", true);
  if (!e.id.empty() && !id_ok(e.id))
    r.fail("id", "Mã chỉ gồm chữ không dấu, số, '-', '_', '.', tối đa 64 ký tự.");
  e.topic = r.text("topic", false);
  e.question = r.text("question", true);
  e.alt_questions = r.list("alt_questions");
  e.answer = r.text("answer", true);
  e.legal_basis = r.text("legal_basis", false);
  e.tags = r.list("tags");
  e.phrasings = r.list("phrasings");
  std::erase_if(e.phrasings, [](const std::string& x) {
    return x.find_first_not_of(" \t\r\n") == std::string::npos;
  });
  if (e.phrasings.size() > kMaxPhrasings)
    r.fail("phrasings", "Tối đa " + std::to_string(kMaxPhrasings) + " cách hỏi cho một mục.");
  for (const auto& x : e.phrasings)
    if (x.size() > kMaxPhrasingBytes) {
      r.fail("phrasings", "Mỗi cách hỏi tối đa " + std::to_string(kMaxPhrasingBytes) + " byte.");
      break;
    }
  e.valid_from = r.date("valid_from");
  e.valid_to = r.date("valid_to");
  if (e.valid_from && e.valid_to && *e.valid_to < *e.valid_from)
    r.fail("valid_to", "Ngày hết hiệu lực phải sau ngày bắt đầu hiệu lực.");
  std::string st = r.text("status", false);
  if (!st.empty()) {
    if (auto s = parse_status(st))
      e.status = *s;
    else
      r.fail("status", "Trạng thái phải là draft, published hoặc retired.");
  }
  return e;
}

Entry parse_entry(const json::object& o) {
  std::vector<FieldError> errors;
  Entry e = entry_from_json(o, errors);
  if (!errors.empty())
    throw invalid("invalid_entry", "Mục hỏi đáp không hợp lệ.", std::move(errors));
  return e;
}

}  // namespace caunoi::qa
