// sheets/headings.h — what a column of an imported spreadsheet is, by its heading.
//
// Staff head their columns as they please: "Ngày", "NGÀY TỔ CHỨC", "Số tin, bài (*)". A heading
// is compared by heading_key (folded, punctuation dropped), and the headings each import knows
// live in data/import/headings.csv, one line per (import, field, heading); the first heading of
// a field is the one templates and exports write. Adding a line there (and restarting) teaches
// every import a new alias, without touching code. Imports add the headings that come from
// their own reference lists (figure labels, measure names) to what the file gives.
//
// The short names reports give reference values ("hội nghị" for a conference, "fanpage" for
// Facebook) are the same kind of table, data/import/short_names.csv: one line per (list, code,
// short name), read by the same class; keys(list) then maps a short name's key to its code.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace caunoi::sheets {

// Folded, punctuation dropped, spaces between words: "Số tin, bài (*)" → "so tin bai". Keeps
// '_' so that field codes ("date_from") are headings too.
std::string heading_key(std::string_view heading);

class Headings {
 public:
  struct Column {
    std::string field;    // "date_from", "figures.attendees", "unit"…
    std::string heading;  // the first heading of the field in the file, as written
  };

  // The tables of data/import/.
  static constexpr std::string_view kHeadingsFile = "headings.csv";
  static constexpr std::string_view kShortNamesFile = "short_names.csv";

  // The table as data/import/`file` writes it (header "import,field,heading" or
  // "list,code,short_name"). Throws caunoi::Error(internal) "headings_bad" naming the file and
  // the line of a malformed one.
  static Headings parse(std::string_view csv, std::string_view file = kHeadingsFile);
  // `dir`/import/`file`, read once per file and shared (thread-safe).
  static std::shared_ptr<const Headings> of(const std::filesystem::path& dir,
                                            std::string_view file = kHeadingsFile);
  // of(data_dir(), file) (common/project_dirs.h): what the imports use.
  static std::shared_ptr<const Headings> standard(std::string_view file = kHeadingsFile);

  // The fields of one import ("activities", "plan_targets", "plan_results"), in file order.
  const std::vector<Column>& columns(std::string_view import) const;
  // heading_key → field for every heading of one import, in file order.
  const std::vector<std::pair<std::string, std::string>>& keys(std::string_view import) const;

 private:
  struct Import {
    std::vector<Column> columns;
    std::vector<std::pair<std::string, std::string>> keys;
  };
  std::unordered_map<std::string, Import> imports_;
};

// The headings one import recognises: the data file's, then whatever the import adds. The first
// field given for a key keeps it.
class HeadingMap {
 public:
  HeadingMap() = default;
  // Every heading `import` has in `h`; with `only_prefix`, just the fields starting with it,
  // with `skip_prefix` all others (activities takes its figure aliases after its figure labels).
  HeadingMap& add(const Headings& h, std::string_view import, std::string_view only_prefix = "",
                  std::string_view skip_prefix = "");
  HeadingMap& add(std::string_view heading, std::string field);
  // The field of a heading as written; "" when unknown.
  const std::string& field(std::string_view heading) const;
  // The same for a key already made by heading_key.
  const std::string& field_of_key(const std::string& key) const;

 private:
  std::unordered_map<std::string, std::string> keys_;
};

}  // namespace caunoi::sheets
