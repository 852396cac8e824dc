// qa/jsonl.cpp — see jsonl.h.
#include "qa/jsonl.h"

#include <fstream>
#include <sstream>
#include <unordered_set>

namespace caunoi::qa {

std::vector<Entry> parse_jsonl(std::string_view text) {
  std::vector<Entry> out;
  std::vector<FieldError> errors;
  std::unordered_set<std::string> ids;
  long row = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++row;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = "dòng " + std::to_string(row);
    boost::system::error_code ec;
    boost::json::value v = boost::json::parse(line, ec);
    if (ec || !v.is_object()) {
      errors.push_back({where, "Không phải một đối tượng JSON hợp lệ.", row});
      continue;
    }
    Entry e = entry_from_json(v.as_object(), errors, where, row);
    if (!e.id.empty() && !ids.insert(e.id).second)
      errors.push_back({where + " / id", "Mã " + e.id + " bị trùng.", row});
    out.push_back(std::move(e));
  }
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
