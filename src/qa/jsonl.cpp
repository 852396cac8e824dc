// qa/jsonl.cpp — see jsonl.h.
#include "qa/jsonl.h"

#include <fstream>
#include <sstream>
#include <unordered_set>

namespace caunoi::qa {

void for_each_json_line(std::istream& in,
                        const std::function<void(long row, const boost::json::object* o)>& fn) {
  std::string line;
  long row = 0;
  while (std::getline(in, line)) {
    ++row;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(line, ec);
    fn(row, ec ? nullptr : v.if_object());
  }
}

namespace {

// A hand-off example line; appends a FieldError per bad field.
HandoffExample handoff_from_json(const boost::json::object& o, std::vector<FieldError>& errors,
                                 const std::string& where, long row) {
  HandoffExample h{"", Handoff::own_case, "", ""};
  const auto* q = o.if_contains("q");
  if (q && q->is_string() && !q->as_string().empty())
    h.text = std::string(q->as_string());
  else
    errors.push_back({where + " / q", "Câu mẫu phải là một chuỗi không rỗng.", row});
  const auto* k = o.if_contains("kind");
  const auto kind = k && k->is_string() ? parse_handoff(k->as_string()) : std::nullopt;
  if (kind)
    h.kind = *kind;
  else
    errors.push_back({where + " / kind", "Loại câu mẫu phải là own_case hoặc out_of_scope.", row});
  for (auto [name, field] :
       {std::pair{"added_by", &h.added_by}, std::pair{"added_at", &h.added_at}}) {
    const auto* v = o.if_contains(name);
    if (!v) continue;
    if (v->is_string())
      *field = std::string(v->as_string());
    else
      errors.push_back({where + " / " + name, "Phải là một chuỗi.", row});
  }
  return h;
}

}  // namespace

BankFile parse_bank_jsonl(std::string_view text) {
  BankFile out;
  std::vector<FieldError> errors;
  std::unordered_set<std::string> ids;
  std::istringstream in{std::string(text)};
  for_each_json_line(in, [&](long row, const boost::json::object* o) {
    const std::string where = "dòng " + std::to_string(row);
    if (!o) {
      errors.push_back({where, "Không phải một đối tượng JSON hợp lệ.", row});
      return;
    }
    if (!o->contains("id") && o->contains("kind")) {
      out.handoff.push_back(handoff_from_json(*o, errors, where, row));
      return;
    }
    Entry e = entry_from_json(*o, errors, where, row);
    if (!e.id.empty() && !ids.insert(e.id).second)
      errors.push_back({where + " / id", "Mã " + e.id + " bị trùng.", row});
    out.entries.push_back(std::move(e));
  });
  if (!errors.empty())
    throw invalid("invalid_jsonl",
                  "Tệp JSONL có " + std::to_string(errors.size()) + " lỗi; chưa nhập mục nào.",
                  std::move(errors));
  return out;
}

std::vector<Entry> parse_jsonl(std::string_view text) {
  return parse_bank_jsonl(text).entries;
}

std::vector<Entry> load_jsonl(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw not_found("file_not_found", "Không đọc được tệp " + file.string() + ".");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_jsonl(ss.str());
}

std::string to_jsonl(const std::vector<Entry>& entries,
                     const std::vector<HandoffExample>& handoff) {
  std::string out;
  for (const auto& e : entries) {
    out += boost::json::serialize(to_json(e));
    out.push_back('\n');
  }
  for (const auto& h : handoff) {
    out += boost::json::serialize(boost::json::object{{"q", h.text},
                                                      {"kind", handoff_name(h.kind)},
                                                      {"added_by", h.added_by},
                                                      {"added_at", h.added_at}});
    out.push_back('\n');
  }
  return out;
}

}  // namespace caunoi::qa
