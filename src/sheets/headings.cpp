// sheets/headings.cpp — see headings.h.
#include "sheets/headings.h"

#include <map>
#include <mutex>

#include "common/error.h"
#include "common/project_dirs.h"
#include "common/trim.h"
#include "tabular/csv_reader.h"
#include "text/fold.h"

namespace caunoi::sheets {

std::string heading_key(std::string_view s) {
  std::string f = text::fold(s), out;
  for (char ch : f) {
    bool keep = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
    if (keep) {
      out += ch;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Headings Headings::parse(std::string_view csv, std::string_view file) {
  Headings h;
  bool header = true;
  tabular::read_csv(csv, [&](long row, tabular::Cells cells) {
    if (header) {
      header = false;
      return true;
    }
    std::string_view import = cells.size() > 0 ? trim(cells[0]) : "";
    std::string_view field = cells.size() > 1 ? trim(cells[1]) : "";
    std::string_view heading = cells.size() > 2 ? trim(cells[2]) : "";
    if (import.empty() || field.empty() || heading_key(heading).empty()) {
      throw Error(ErrorKind::internal, "headings_bad",
                  "Tệp import/" + std::string(file) + " dòng " + std::to_string(row) +
                      " thiếu một trong ba cột.");
    }
    Import& im = h.imports_[std::string(import)];
    bool known = false;
    for (const auto& c : im.columns) known = known || c.field == field;
    if (!known) im.columns.push_back({std::string(field), std::string(heading)});
    im.keys.emplace_back(heading_key(heading), std::string(field));
    return true;
  });
  return h;
}

std::shared_ptr<const Headings> Headings::of(const std::filesystem::path& dir,
                                             std::string_view file) {
  static std::mutex m;
  static std::map<std::filesystem::path, std::shared_ptr<const Headings>> loaded;
  std::filesystem::path path = dir / "import" / file;
  std::lock_guard lk(m);
  auto& h = loaded[path];
  if (!h) h = std::make_shared<const Headings>(parse(tabular::read_file(path), file));
  return h;
}

std::shared_ptr<const Headings> Headings::standard(std::string_view file) {
  return of(data_dir(), file);
}

const std::vector<Headings::Column>& Headings::columns(std::string_view import) const {
  static const std::vector<Column> kNone;
  auto it = imports_.find(std::string(import));
  return it == imports_.end() ? kNone : it->second.columns;
}

const std::vector<std::pair<std::string, std::string>>& Headings::keys(
    std::string_view import) const {
  static const std::vector<std::pair<std::string, std::string>> kNone;
  auto it = imports_.find(std::string(import));
  return it == imports_.end() ? kNone : it->second.keys;
}

HeadingMap& HeadingMap::add(const Headings& h, std::string_view import,
                            std::string_view only_prefix, std::string_view skip_prefix) {
  for (const auto& [key, field] : h.keys(import)) {
    if (!field.starts_with(only_prefix)) continue;
    if (!skip_prefix.empty() && field.starts_with(skip_prefix)) continue;
    keys_.emplace(key, field);
  }
  return *this;
}

HeadingMap& HeadingMap::add(std::string_view heading, std::string field) {
  keys_.emplace(heading_key(heading), std::move(field));
  return *this;
}

const std::string& HeadingMap::field(std::string_view heading) const {
  return field_of_key(heading_key(heading));
}

const std::string& HeadingMap::field_of_key(const std::string& key) const {
  static const std::string kUnknown;
  auto it = keys_.find(key);
  return it == keys_.end() ? kUnknown : it->second;
}

}  // namespace caunoi::sheets
