// activities/reference.cpp — loading and querying the reference lists (see reference.h).
#include "activities/reference.h"

#include <algorithm>

#include <boost/json.hpp>

#include "activities/change_feed.h"
#include "common/error.h"
#include "sheets/suggest.h"
#include "text/fold.h"

namespace caunoi::activities {

namespace {

const std::vector<RefEntry> kNoEntries;
const std::vector<std::string> kNone;

bool valid_list(std::string_view list) {
  return std::any_of(std::begin(kLists), std::end(kLists),
                     [&](const char* l) { return list == l; });
}

// How a message names a list ("danh mục kênh"), never by its code.
std::string list_label(std::string_view list) {
  static const std::pair<std::string_view, const char*> kLabels[] = {
      {"kind", "loại hoạt động"},    {"figure", "chỉ số"},     {"group", "nhóm đối tượng"},
      {"topic", "chủ đề"},           {"language", "ngôn ngữ"}, {"channel", "kênh"},
      {"partner", "đơn vị phối hợp"}};
  for (const auto& [code, label] : kLabels)
    if (code == list) return label;
  return std::string(list);
}

}  // namespace

std::shared_ptr<const Reference> Reference::load(store::Connection& c) {
  auto r = std::make_shared<Reference>();
  for (const char* l : kLists) r->lists_[l];
  c.each("SELECT list, code, label, category, sort FROM activity_ref ORDER BY list, sort, code",
         [&](const store::Row& row) {
           RefEntry e{row.text(1), row.text(2), row.text(3), static_cast<int>(row.i64(4))};
           auto& folded = r->folded_[row.text(0)];
           std::string f = text::fold(e.label);
           folded.emplace(f, e.code);
           if (f.starts_with("tieng ")) folded.emplace(f.substr(6), e.code);
           folded.emplace(text::fold(e.code), e.code);
           r->lists_[row.text(0)].push_back(std::move(e));
         });
  c.each("SELECT kind, figure FROM activity_kind_figure ORDER BY kind, ord",
         [&](const store::Row& row) { r->kind_figures_[row.text(0)].push_back(row.text(1)); });
  c.each("SELECT kind, channel FROM activity_kind_channel ORDER BY kind, ord",
         [&](const store::Row& row) { r->kind_channels_[row.text(0)].push_back(row.text(1)); });
  return r;
}

const std::vector<RefEntry>& Reference::entries(std::string_view list) const {
  auto it = lists_.find(list);
  return it == lists_.end() ? kNoEntries : it->second;
}

const RefEntry* Reference::find(std::string_view list, std::string_view code) const {
  for (const auto& e : entries(list)) {
    if (e.code == code) return &e;
  }
  return nullptr;
}

std::string Reference::label(std::string_view list, std::string_view code) const {
  const RefEntry* e = find(list, code);
  return e ? e->label : std::string(code);
}

std::optional<std::string> Reference::lookup(std::string_view list, std::string_view text) const {
  if (has(list, text)) return std::string(text);
  auto it = folded_.find(list);
  if (it == folded_.end()) return std::nullopt;
  std::string f = text::fold(text);
  if (auto m = it->second.find(f); m != it->second.end()) return m->second;
  if (f.starts_with("tieng ")) {
    if (auto m = it->second.find(f.substr(6)); m != it->second.end()) return m->second;
  }
  return std::nullopt;
}

std::vector<const RefEntry*> Reference::suggest(std::string_view list, std::string_view text,
                                                size_t max) const {
  const auto& es = entries(list);
  std::vector<std::string_view> labels;
  for (const auto& e : es) labels.push_back(e.label);
  std::vector<const RefEntry*> out;
  for (size_t i : sheets::suggest(text, labels, max)) out.push_back(&es[i]);
  return out;
}

const std::vector<std::string>& Reference::figures_of(std::string_view kind) const {
  auto it = kind_figures_.find(kind);
  return it == kind_figures_.end() ? kNone : it->second;
}

bool Reference::kind_takes(std::string_view kind, std::string_view figure) const {
  const auto& f = figures_of(kind);
  return std::find(f.begin(), f.end(), figure) != f.end();
}

const std::vector<std::string>& Reference::channels_of(std::string_view kind) const {
  auto it = kind_channels_.find(kind);
  return it == kind_channels_.end() ? kNone : it->second;
}

bool Reference::is_meeting(std::string_view kind) const {
  const RefEntry* e = find("kind", kind);
  return e && e->category == "meeting";
}

void add_reference(store::Connection& c, const audit::Actor& by, std::string_view list,
                   const RefEntry& e, const std::vector<std::string>& figures,
                   const std::vector<std::string>& channels) {
  if (!valid_list(list)) {
    throw not_found("ref_list_not_found", "Không có danh mục \"" + std::string(list) + "\".");
  }
  std::vector<FieldError> errs;
  bool code_ok = !e.code.empty() && e.code.size() <= 40 &&
                 std::all_of(e.code.begin(), e.code.end(), [](char ch) {
                   return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_';
                 });
  if (!code_ok) {
    errs.push_back(
        {"code", "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới (a-z, 0-9, _)."});
  }
  if (e.label.empty()) errs.push_back({"label", "Tên (nhãn) không được để trống."});
  auto exists = [&](const char* l, const std::string& code) {
    return c.scalar("SELECT 1 FROM activity_ref WHERE list = ? AND code = ?", l, code).has_value();
  };
  for (const auto& f : figures) {
    if (!exists("figure", f)) errs.push_back({"figures", "Không có chỉ số \"" + f + "\"."});
  }
  for (const auto& ch : channels) {
    if (!exists("channel", ch)) errs.push_back({"channels", "Không có kênh \"" + ch + "\"."});
  }
  if (list == "kind" && figures.empty()) {
    errs.push_back({"figures", "Loại hoạt động mới cần ít nhất một chỉ số."});
  }
  // A kind's category decides which totals it counts in ("meeting" makes the dispatch's
  // "hội nghị" figure), and a figure's decides how it adds up: a misspelt one would count
  // nowhere without a word, so only categories already in use in that list are taken.
  if (!e.category.empty() &&
      !c.scalar("SELECT 1 FROM activity_ref WHERE list = ? AND category = ?", list, e.category)) {
    errs.push_back({"category", "Nhóm \"" + e.category + "\" không có trong danh mục " +
                                    list_label(list) + "."});
  }
  if (!errs.empty()) throw invalid("invalid_reference", "Mục danh mục không hợp lệ.", errs);
  store::Transaction tx(c);
  if (exists(std::string(list).c_str(), e.code)) {
    throw Error(ErrorKind::conflict, "ref_exists",
                "Mã \"" + e.code + "\" đã có trong danh mục " + list_label(list) + ".",
                {{"code", "Mã đã được dùng; mã không được dùng lại."}});
  }
  int sort = static_cast<int>(
      c.scalar("SELECT COALESCE(MAX(sort), 0) + 1 FROM activity_ref WHERE list = ?", list)
          .value_or(1));
  c.execute("INSERT INTO activity_ref(list, code, label, category, sort) VALUES (?, ?, ?, ?, ?)",
            list, e.code, e.label, e.category, sort);
  int ord = 0;  // a new kind's lists keep the order they were given in
  for (const auto& f : figures)
    c.execute("INSERT INTO activity_kind_figure(kind, figure, ord) VALUES (?, ?, ?)", e.code, f,
              ++ord);
  for (const auto& ch : channels)
    c.execute("INSERT INTO activity_kind_channel(kind, channel, ord) VALUES (?, ?, ?)", e.code, ch,
              ++ord);
  audit::record_change(c, by,
                       boost::json::serialize(boost::json::object{
                           {"list", list},
                           {"code", e.code},
                           {"label", e.label},
                           {"category", e.category},
                           {"figures", boost::json::array(figures.begin(), figures.end())},
                           {"channels", boost::json::array(channels.begin(), channels.end())}}));
  feed::record_reference(c, list);
  tx.commit();
}

}  // namespace caunoi::activities
