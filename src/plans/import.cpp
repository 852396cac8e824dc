// plans/import.cpp — all-or-nothing imports of targets and results; see import.h.
//
// Rows are read and validated one by one into memory, every error is kept, and only a file
// without errors is written, in one transaction through the same path as API writes. Cells,
// headings, numbers and units are read by the rules every import shares (sheets/).
#include "plans/import.h"

#include <cmath>
#include <map>
#include <set>

#include "common/trim.h"
#include "periods/period.h"
#include "plans/service.h"
#include "sheets/headings.h"
#include "sheets/units.h"
#include "sheets/values.h"
#include "tabular/rows.h"

namespace caunoi::plans {
namespace {

// The unit a row names, for the date its figures are about: an id (a bare code is a current
// unit's, "old:<code>" an old one's, with the zeros Excel dropped put back) or a name of that
// era. Unresolved, the id stays as written and `refusal` says why, for the row's "unit" error.
std::string unit_of(sheets::UnitCells& units, const std::string& text, Date at,
                    std::string& refusal) {
  refusal.clear();
  if (text.empty()) return text;
  const sheets::ResolvedUnit& r = units.resolve(text, at);
  refusal = r.error;
  return r.id.empty() ? text : r.id;
}

// The row's "unit" refusal said as the unit resolver says it.
void unit_refusal(std::vector<FieldError>& row_errs, const std::string& refusal) {
  if (refusal.empty()) return;
  for (auto& e : row_errs)
    if (e.field == "unit" && e.message.starts_with("Không có đơn vị")) e.message = refusal;
}

// The imports' names in data/import/headings.csv.
constexpr std::string_view kTargets = "plan_targets", kResults = "plan_results";

// A results file's headings: the data file's, then each measure by its code, column name and
// label.
sheets::HeadingMap result_headings(const sheets::Headings& h) {
  sheets::HeadingMap m;
  m.add(h, kResults);
  for (const auto& ms : measures()) {
    m.add(ms.code, ms.code);
    m.add(ms.column_vi, ms.code);
    m.add(ms.label_vi, ms.code);
  }
  return m;
}

// The heading a template writes for a field ("unit" → "Mã đơn vị"), for "missing column".
std::string written_heading(std::string_view import, const std::string& field) {
  for (const auto& c : sheets::Headings::standard()->columns(import))
    if (c.field == field) return c.heading;
  return field;
}

// A results heading's column: a known heading, else "BHYT - hộ gia đình" / "bhyt.hgd" for BHYT
// by group, the group code being the rest of the heading's key with words joined by "_".
std::string result_column_in(const sheets::HeadingMap& cols, std::string_view header) {
  std::string name = cols.field(header);
  if (!name.empty()) return name;
  std::string f = sheets::heading_key(header);
  if (!f.starts_with("bhyt ")) return "";
  std::string g = f.substr(5);
  std::replace(g.begin(), g.end(), ' ', '_');
  return "bhyt." + g;
}

// "03/2022" → "2022-03"; other forms go to Period::parse as they are.
std::string period_text(std::string_view s) {
  auto slash = s.find('/');
  if (slash != std::string_view::npos && s.size() - slash - 1 == 4 && slash <= 2)
    return std::string(s.substr(slash + 1)) + "-" + (slash == 1 ? "0" : "") +
           std::string(s.substr(0, slash));
  return std::string(s);
}

// Reads the file: the header row picks the columns, each later row goes to `row_fn`.
void read_table(std::string_view data, std::string_view filename, std::string_view import,
                const std::function<std::string(std::string_view)>& name_of,
                const std::vector<std::string>& required, std::vector<FieldError>& errs,
                const std::function<void(long, const std::map<std::string, std::string>&,
                                         const std::vector<std::string>&)>& row_fn) {
  std::vector<std::string> names, headers;
  bool have_header = false;
  tabular::read_any(data, filename, [&](long row, tabular::Cells cells) {
    if (!have_header) {
      if (sheets::blank_row(cells)) return true;
      have_header = true;
      for (auto c : cells) {
        headers.emplace_back(trim(c));
        names.push_back(name_of(c));
      }
      for (const auto& r : required)
        if (std::find(names.begin(), names.end(), r) == names.end())
          errs.push_back(
              {"header / " + r, "Thiếu cột bắt buộc \"" + written_heading(import, r) + "\"", row});
      return errs.empty();
    }
    std::map<std::string, std::string> vals;
    bool blank = true;
    for (size_t i = 0; i < cells.size() && i < names.size(); ++i) {
      // Read by the rule every caunoi import follows, so a CSV caunoi wrote reads back as
      // written.
      std::string v(sheets::cell_text(cells[i]));
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
  auto h = sheets::Headings::standard();
  return sheets::HeadingMap().add(*h, kTargets).field(header);
}

std::string result_column(std::string_view header) {
  return result_column_in(result_headings(*sheets::Headings::standard()), header);
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
  auto h = sheets::Headings::standard();
  sheets::HeadingMap cols;
  cols.add(*h, kTargets);
  sheets::UnitCells units(places_, sheets::CodeRule::as_id);
  read_table(
      data, filename, kTargets, [&](std::string_view s) { return cols.field(s); },
      {"unit", "year", "indicator", "value"}, errs,
      [&](long row, const std::map<std::string, std::string>& v, const auto&) {
        ++rows;
        std::vector<FieldError> row_errs;
        auto get = [&](const char* k) {
          auto it = v.find(k);
          return it == v.end() ? std::string() : it->second;
        };
        Target t;
        t.indicator = get("indicator");
        t.group = get("group");
        t.note = get("note");
        auto year = sheets::read_number(get("year"));
        t.year = year && *year == std::floor(*year) ? static_cast<int>(*year) : 0;
        // A name is looked up among the units of the year's end (old ones up to 2024).
        std::string refusal;
        bool good_year = t.year >= 2000 && t.year <= 2100;
        t.unit_id =
            unit_of(units, get("unit"), good_year ? Date{t.year, 12, 31} : Date::today(), refusal);
        auto value = sheets::read_number(get("value"));
        if (!value) row_errs.push_back({"value", "Giá trị không phải là số", 0});
        t.value = value.value_or(0);
        t = checked(std::move(t), "", row_errs);
        unit_refusal(row_errs, refusal);
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
  auto h = sheets::Headings::standard();
  sheets::HeadingMap cols = result_headings(*h);
  std::map<std::string, std::string, std::less<>> known;  // heading → column, once each
  auto column = [&](std::string_view s) {
    auto it = known.find(s);
    if (it == known.end()) it = known.emplace(s, result_column_in(cols, s)).first;
    return it->second;
  };
  sheets::UnitCells units(places_, sheets::CodeRule::as_id);
  read_table(
      data, filename, kResults, column, {"unit", "period"}, errs,
      [&](long row, const std::map<std::string, std::string>& v, const auto& headers) {
        ++rows;
        std::vector<FieldError> row_errs;
        std::map<std::string, std::string> heading = {{"unit", "Mã đơn vị"}, {"period", "Kỳ"}};
        ResultRecord r;
        std::string refusal;
        for (const auto& [name, text] : v) {
          if (name == "period") {
            r.period = period_text(text);
          } else if (name != "unit") {
            ResultValue val;
            val.measure = name.starts_with("bhyt.") ? "bhyt" : name;
            val.group = name.starts_with("bhyt.") ? name.substr(5) : "";
            std::string field =
                "values." + val.measure + (val.group.empty() ? "" : "." + val.group);
            for (const auto& hd : headers)
              if (column(hd) == name) heading[field] = hd;
            auto n = sheets::read_number(text);
            if (!n || *n != std::floor(*n)) {
              row_errs.push_back({field, "\"" + text + "\" không phải là số nguyên", 0});
              continue;
            }
            val.value = static_cast<int64_t>(*n);
            r.values.push_back(std::move(val));
          }
        }
        // A name is looked up among the units of the period's end; a period that does not read
        // is refused anyway.
        Date at = Date::today();
        try {
          at = periods::Period::parse(r.period).to;
        } catch (const Error&) {
        }
        if (auto u = v.find("unit"); u != v.end())
          r.unit_id = unit_of(units, u->second, at, refusal);
        heading["values"] = "số liệu";
        r = checked(std::move(r), "", row_errs);
        unit_refusal(row_errs, refusal);
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
