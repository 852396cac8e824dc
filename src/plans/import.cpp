// plans/import.cpp — all-or-nothing imports of targets and results; see import.h.
//
// Rows are read and validated one by one into memory, every error is kept, and only a file
// without errors is written, in one transaction through the same path as API writes.
#include "plans/import.h"

#include <cmath>
#include <map>
#include <set>

#include "places/stripped_zeros.h"
#include "plans/numbers.h"
#include "plans/service.h"
#include "tabular/csv_writer.h"
#include "tabular/rows.h"
#include "text/fold.h"

namespace caunoi::plans {
namespace {

std::string folded(std::string_view h) {
  std::string f = text::fold(h);
  std::erase_if(f, [](char c) { return c == '(' || c == ')' || c == '*' || c == ':'; });
  while (!f.empty() && f.back() == ' ') f.pop_back();
  return f;
}

// A unit id as the file wrote it, with the zero Excel dropped put back ("1" → "01",
// "old:4270" → "old:04270") when places/stripped_zeros.h says so; otherwise as written, with
// `hint` naming the candidates for the row's refusal.
std::string unit_as_written(const places::Gazetteer& g, std::string id, std::string& hint) {
  hint.clear();
  if (id.empty() || g.find(id)) return id;
  std::string era = id.starts_with("old:") ? "old:" : "";
  auto z = places::stripped_zeros(std::string_view(id).substr(era.size()),
                                  [&](const std::string& code) { return g.find(era + code); });
  if (z.taken) return z.taken->id;
  hint = places::stripped_zeros_hint(z.candidates);
  return id;
}

// The hint appended to the row's "no such unit" message.
void add_hint(std::vector<FieldError>& row_errs, const std::string& hint) {
  if (hint.empty()) return;
  for (auto& e : row_errs)
    if (e.field == "unit") e.message += "." + hint;
}

// Maps each column index to a known name; errors for missing required ones.
struct Header {
  std::vector<std::string> names;
  std::vector<std::string> raw;
};

using Columns = std::map<std::string, std::string>;  // folded alias → name

std::string lookup(const Columns& cols, std::string_view header) {
  auto it = cols.find(folded(header));
  return it == cols.end() ? "" : it->second;
}

const Columns& target_columns() {
  static const Columns c = {{"ma don vi", "unit"},
                            {"unit", "unit"},
                            {"nam", "year"},
                            {"year", "year"},
                            {"chi tieu", "indicator"},
                            {"indicator", "indicator"},
                            {"ma chi tieu", "indicator"},
                            {"nhom doi tuong", "group"},
                            {"group", "group"},
                            {"gia tri", "value"},
                            {"value", "value"},
                            {"ke hoach", "value"},
                            {"ghi chu", "note"},
                            {"note", "note"}};
  return c;
}

const Columns& result_columns() {
  static const Columns c = [] {
    Columns m = {{"ma don vi", "unit"}, {"unit", "unit"},         {"ky", "period"},
                 {"period", "period"},  {"ky so lieu", "period"}, {"thang", "period"}};
    for (const auto& ms : measures()) {
      m[folded(ms.code)] = ms.code;
      m[folded(ms.column_vi)] = ms.code;
      m[folded(ms.label_vi)] = ms.code;
    }
    return m;
  }();
  return c;
}

// "03/2022" → "2022-03"; other forms go to Period::parse as they are.
std::string period_text(std::string_view s) {
  auto slash = s.find('/');
  if (slash != std::string_view::npos && s.size() - slash - 1 == 4 && slash <= 2)
    return std::string(s.substr(slash + 1)) + "-" + (slash == 1 ? "0" : "") +
           std::string(s.substr(0, slash));
  return std::string(s);
}

std::string trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

// Reads the file: the header row picks the columns, each later row goes to `row_fn`.
void read_table(std::string_view data, std::string_view filename,
                const std::function<std::string(std::string_view)>& name_of,
                const std::vector<std::string>& required, std::vector<FieldError>& errs,
                const std::function<void(long, const std::map<std::string, std::string>&,
                                         const std::vector<std::string>&)>& row_fn) {
  std::vector<std::string> names, headers;
  bool have_header = false;
  tabular::read_any(data, filename, [&](long row, tabular::Cells cells) {
    if (!have_header) {
      bool blank = true;
      for (auto c : cells) blank = blank && trim(c).empty();
      if (blank) return true;
      have_header = true;
      for (auto c : cells) {
        headers.push_back(trim(c));
        names.push_back(name_of(c));
      }
      for (const auto& r : required)
        if (std::find(names.begin(), names.end(), r) == names.end())
          errs.push_back({"header / " + r, "Thiếu cột bắt buộc \"" + r + "\"", row});
      return errs.empty();
    }
    std::map<std::string, std::string> vals;
    bool blank = true;
    for (size_t i = 0; i < cells.size() && i < names.size(); ++i) {
      // Read by the rule every caunoi import follows, so a CSV caunoi wrote reads back as
      // written (tabular::unescape_text_cell).
      std::string v(tabular::unescape_text_cell(trim(cells[i])));
      blank = blank && v.empty();
      if (!names[i].empty() && !v.empty()) vals[names[i]] = v;
    }
    if (!blank) row_fn(row, vals, headers);
    return true;
  });
  if (!have_header) errs.push_back({"header", "Tệp không có dòng tiêu đề", 0});
}

std::string cell_field(long row, const std::string& column) {
  return "dòng " + std::to_string(row) + " / " + column;
}

// The service's field names ("unit", "values.bhyt") back to the file's column headings.
void relabel(std::vector<FieldError>& from, long row, std::vector<FieldError>& to,
             const std::map<std::string, std::string>& heading) {
  for (auto& e : from) {
    auto it = heading.find(e.field);
    e.field = cell_field(row, it == heading.end() ? e.field : it->second);
    e.row = row;
    to.push_back(std::move(e));
  }
  from.clear();
}

[[noreturn]] void reject(std::vector<FieldError> errs, long rows) {
  std::set<long> bad;
  for (const auto& e : errs) bad.insert(e.row);
  throw invalid("import_invalid",
                "Tệp có " + std::to_string(bad.size()) + " dòng lỗi trong " + std::to_string(rows) +
                    " dòng; chưa ghi dòng nào.",
                std::move(errs));
}

}  // namespace

std::string target_column(std::string_view header) {
  return lookup(target_columns(), header);
}

std::string result_column(std::string_view header) {
  std::string name = lookup(result_columns(), header);
  if (!name.empty()) return name;
  // "BHYT - hộ gia đình" / "bhyt.hgd": BHYT by group; the group code is the folded rest.
  std::string f = folded(header);
  for (std::string prefix : {"bhyt - ", "bhyt.", "bhyt "})
    if (f.starts_with(prefix) && f.size() > prefix.size()) {
      std::string g = f.substr(prefix.size());
      std::replace(g.begin(), g.end(), ' ', '_');
      return "bhyt." + g;
    }
  return "";
}

std::shared_ptr<void> Service::busy(const std::string& owner) {
  if (owner.empty()) return nullptr;
  std::lock_guard lk(busy_m_);
  if (!busy_.insert(owner).second) {
    throw Error(ErrorKind::conflict, "import_busy",
                "Tài khoản " + owner +
                    " đang nhập một tệp kế hoạch khác. Mỗi tài khoản chỉ nhập một tệp một lúc: "
                    "xin chờ lượt đó xong rồi gửi tệp tiếp.");
  }
  return std::shared_ptr<void>(nullptr, [this, owner](void*) {
    std::lock_guard lk(busy_m_);
    busy_.erase(owner);
  });
}

ImportSummary Service::import_targets(store::Connection& c, std::string_view data,
                                      std::string_view filename, const RowCheck& row_check,
                                      const audit::Actor& by) {
  auto held = busy(by.username);
  std::vector<FieldError> errs;
  std::vector<Target> ts;
  std::set<std::tuple<std::string, int, std::string, std::string>> seen;
  long rows = 0;
  read_table(
      data, filename, target_column, {"unit", "year", "indicator", "value"}, errs,
      [&](long row, const std::map<std::string, std::string>& v, const auto&) {
        ++rows;
        std::vector<FieldError> row_errs;
        auto get = [&](const char* k) {
          auto it = v.find(k);
          return it == v.end() ? std::string() : it->second;
        };
        Target t;
        std::string hint;
        t.unit_id = unit_as_written(places_, get("unit"), hint);
        t.indicator = get("indicator");
        t.group = get("group");
        t.note = get("note");
        auto year = parse_number_vi(get("year"));
        t.year = year && *year == std::floor(*year) ? static_cast<int>(*year) : 0;
        auto value = parse_number_vi(get("value"));
        if (!value) row_errs.push_back({"value", "Giá trị không phải là số", 0});
        t.value = value.value_or(0);
        t = checked(std::move(t), "", row_errs);
        add_hint(row_errs, hint);
        if (row_errs.empty() && !seen.insert({t.unit_id, t.year, t.indicator, t.group}).second)
          row_errs.push_back({"indicator", "Chỉ tiêu này đã có ở dòng trước", 0});
        if (row_errs.empty() && row_check)
          if (auto e = row_check(c, t.unit_id, std::nullopt)) row_errs.push_back(*e);
        relabel(row_errs, row, errs,
                {{"unit", "Mã đơn vị"},
                 {"year", "Năm"},
                 {"indicator", "Chỉ tiêu"},
                 {"value", "Giá trị"}});
        ts.push_back(std::move(t));
      });
  if (!errs.empty()) reject(std::move(errs), rows);
  write_targets(c, ts, by);
  return {rows, static_cast<long>(ts.size())};
}

ImportSummary Service::import_results(store::Connection& c, std::string_view data,
                                      std::string_view filename, const RowCheck& row_check,
                                      const audit::Actor& by) {
  auto held = busy(by.username);
  std::vector<FieldError> errs;
  std::vector<ResultRecord> rs;
  std::set<std::pair<std::string, std::string>> seen;
  long rows = 0, values = 0;
  read_table(
      data, filename, result_column, {"unit", "period"}, errs,
      [&](long row, const std::map<std::string, std::string>& v, const auto& headers) {
        ++rows;
        std::vector<FieldError> row_errs;
        std::map<std::string, std::string> heading = {{"unit", "Mã đơn vị"}, {"period", "Kỳ"}};
        ResultRecord r;
        std::string hint;
        for (const auto& [name, text] : v) {
          if (name == "unit")
            r.unit_id = unit_as_written(places_, text, hint);
          else if (name == "period")
            r.period = period_text(text);
          else {
            ResultValue val;
            val.measure = name.starts_with("bhyt.") ? "bhyt" : name;
            val.group = name.starts_with("bhyt.") ? name.substr(5) : "";
            std::string field =
                "values." + val.measure + (val.group.empty() ? "" : "." + val.group);
            for (const auto& h : headers)
              if (result_column(h) == name) heading[field] = h;
            auto n = parse_number_vi(text);
            if (!n || *n != std::floor(*n)) {
              row_errs.push_back({field, "\"" + text + "\" không phải là số nguyên", 0});
              continue;
            }
            val.value = static_cast<int64_t>(*n);
            r.values.push_back(std::move(val));
          }
        }
        heading["values"] = "số liệu";
        r = checked(std::move(r), "", row_errs);
        add_hint(row_errs, hint);
        if (row_errs.empty() && !seen.insert({r.unit_id, r.period}).second)
          row_errs.push_back({"period", "Đơn vị và kỳ này đã có ở dòng trước", 0});
        if (row_errs.empty() && row_check)
          if (auto e = row_check(c, r.unit_id, r.as_of)) row_errs.push_back(*e);
        relabel(row_errs, row, errs, heading);
        values += static_cast<long>(r.values.size());
        rs.push_back(std::move(r));
      });
  if (!errs.empty()) reject(std::move(errs), rows);
  write_results(c, rs, by);
  return {rows, values};
}

}  // namespace caunoi::plans
