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

std::vector<Entry> parse_jsonl(std::string_view text) {
  std::vector<Entry> out;
  std::vector<FieldError> errors;
  std::unordered_set<std::string> ids;
  std::istringstream in{std::string(text)};
  for_each_json_line(in, [&](long row, const boost::json::object* o) {
    const std::string where = "dòng " + std::to_string(row);
    if (!o) {
      errors.push_back({where, "Không phải một đối tượng JSON hợp lệ.", row});
      return;
    }
    Entry e = entry_from_json(*o, errors, where, row);
    if (!e.id.empty() && !ids.insert(e.id).second)
      errors.push_back({where + " / id", "Mã " + e.id + " bị trùng.", row});
    out.push_back(std::move(e));
  });
  if (!errors.empty())
    throw invalid("invalid_jsonl",
                  "Tệp JSONL có " + std::to_string(errors.size()) + " lỗi; chưa nhập mục nào.",
                  std::move(errors));
  return out;
}

std::vector<Entry> load_jsonl(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw not_found("file_not_found", "Không đọc được tệp " + file.string() + ".");
  std::stringstream ss;
  ss << in.rdbuf();
  return parse_jsonl(ss.str());
}

std::string to_jsonl(const std::vector<Entry>& entries) {
  std::string out;
  for (const auto& e : entries) {
    out += boost::json::serialize(to_json(e));
    out.push_back('\n');
  }
  return out;
}

}  // namespace caunoi::qa
