// reports/report.cpp — which indicators go into which section; see report.h.
#include "reports/report.h"

#include <cctype>

#include "places/reform.h"
#include "reports/narrative.h"
#include "reports/wording.h"

namespace caunoi::reports {
namespace {

using analytics::Figure;

const char* kActivityRows[] = {"meetings",          "meeting_attendees", "loudspeaker_broadcasts",
                               "press_items",       "online_posts",      "online_views",
                               "campaign_launches", "online_forums",     "printed_copies",
                               "hotline_calls",     "questions_answered"};
const char* kParticipationRows[] = {
    "bhxh_participants", "bhxh_compulsory", "bhxh_voluntary", "bhxh_labour_share", "bhtn", "bhyt",
    "bhyt_coverage",     "population",      "labour_force"};
const char* kUnitColumns[] = {"meetings",         "meeting_attendees", "loudspeaker_broadcasts",
                              "press_items",      "online_posts",      "bhyt_coverage",
                              "bhxh_labour_share"};

CellValue num(std::optional<double> v, ColumnKind k = ColumnKind::integer) {
  if (!v) return std::monostate{};
  return Number{*v, k};
}

CellValue count(size_t n) {
  return Number{static_cast<double>(n), ColumnKind::integer};
}

std::string change_text(const analytics::Indicator& ind, const Figure& f) {
  if (!f.value || !f.previous) return "";
  if (ind.is_rate()) return points_vi(*f.value, *f.previous);
  return ratio_vi(*f.value, *f.previous);
}

ColumnKind kind_of(const analytics::Indicator& ind) {
  return ind.is_rate() ? ColumnKind::percent : ColumnKind::integer;
}

// STT | Chỉ tiêu | Đơn vị tính | Kỳ báo cáo | [Cùng kỳ | So sánh] | Kế hoạch năm | % kế hoạch
Section indicator_table(const analytics::Engine& e, const Report& r, std::string id,
                        std::string title, const std::vector<std::string>& codes, bool skip_empty) {
  Section s{std::move(id), std::move(title), {}, {}, "", {}};
  s.columns = {{"STT", ColumnKind::integer},
               {"Chỉ tiêu", ColumnKind::text},
               {"Đơn vị tính", ColumnKind::text},
               {r.period.vi(), ColumnKind::decimal}};
  if (r.compare) {
    s.columns.push_back({"Cùng kỳ " + r.period.same_period_last_year().vi(), ColumnKind::decimal});
    s.columns.push_back({"So với cùng kỳ", ColumnKind::text});
  }
  s.columns.push_back({"Kế hoạch năm " + std::to_string(r.period.to.year), ColumnKind::decimal});
  s.columns.push_back({"Tỷ lệ so với kế hoạch (%)", ColumnKind::percent});
  for (const auto& code : codes) {
    const auto& ind = analytics::get_indicator(code);
    analytics::Query q;
    q.indicator = code;
    q.unit = r.unit->id;
    q.period = r.period;
    q.compare = r.compare;
    Figure f = e.query(q).total;
    if (skip_empty && f.value.value_or(0) == 0 && f.previous.value_or(0) == 0 && !f.target)
      continue;
    ColumnKind k = kind_of(ind);
    std::vector<CellValue> row{count(s.rows.size() + 1), ind.label, ind.unit, num(f.value, k)};
    if (r.compare) {
      row.push_back(num(f.previous, k));
      row.push_back(change_text(ind, f));
    }
    row.push_back(num(f.target, k));
    row.push_back(num(f.pct_of_plan(), ColumnKind::percent));
    s.rows.push_back(std::move(row));
    s.items.push_back({code, ind.label, ind.unit, f, change_text(ind, f)});
  }
  return s;
}

Section units_table(const analytics::Engine& e, const Report& r) {
  Section s{"units", "Theo đơn vị", {}, {}, "", {}};
  s.columns = {
      {"STT", ColumnKind::integer}, {"Mã", ColumnKind::text}, {"Đơn vị", ColumnKind::text}};
  std::vector<analytics::Result> cols;
  for (const char* code : kUnitColumns) {
    const auto& ind = analytics::get_indicator(code);
    s.columns.push_back({ind.label + " (" + ind.unit + ")", kind_of(ind)});
    analytics::Query q;
    q.indicator = code;
    q.unit = r.unit->id;
    q.period = r.period;
    q.by = analytics::By::children;
    cols.push_back(e.query(q));
  }
  if (cols.empty()) return s;
  for (size_t i = 0; i < cols.front().rows.size(); ++i) {
    const auto& first = cols.front().rows[i];
    std::vector<CellValue> row{count(i + 1), first.key, first.label};
    for (const auto& c : cols) row.push_back(num(c.rows[i].figure.value, kind_of(*c.indicator)));
    s.rows.push_back(std::move(row));
    s.items.push_back({first.key, first.label, cols.front().indicator->unit, first.figure, ""});
  }
  s.note =
      "Số liệu của các đơn vị cũ (trước 01/7/2025) được cộng vào đơn vị hiện nay có địa bàn "
      "tương ứng.";
  return s;
}

Section kinds_table(const analytics::Engine& e, const Report& r) {
  std::vector<std::string> codes;
  for (const auto& ind : analytics::indicators())
    if (ind.category == "kind") codes.push_back(ind.code);
  return indicator_table(e, r, "kinds", "Theo loại hình hoạt động", codes, true);
}

Section groups_table(const analytics::Engine& e, const Report& r) {
  Section s{"groups", "Theo nhóm đối tượng", {}, {}, "", {}};
  s.columns = {{"STT", ColumnKind::integer},
               {"Nhóm đối tượng", ColumnKind::text},
               {"Số hoạt động", ColumnKind::integer},
               {"Số lượt người tham dự", ColumnKind::integer}};
  analytics::Query q;
  q.unit = r.unit->id;
  q.period = r.period;
  q.by = analytics::By::group;
  q.indicator = "activities";
  auto acts = e.query(q);
  q.indicator = "meeting_attendees";
  auto att = e.query(q);
  for (const auto& row : acts.rows) {
    std::optional<double> people;
    for (const auto& a : att.rows)
      if (a.key == row.key) people = a.figure.value;
    s.rows.push_back(
        {count(s.rows.size() + 1), row.label, num(row.figure.value), num(people.value_or(0))});
    s.items.push_back({row.key, row.label, "hoạt động", row.figure, ""});
  }
  s.note =
      "Một hoạt động có thể hướng tới nhiều nhóm đối tượng nên tổng các dòng có thể lớn hơn "
      "tổng số hoạt động.";
  return s;
}

}  // namespace

Report build_report(const analytics::Engine& e, const std::string& unit, const periods::Period& p,
                    bool compare, bool approved_only) {
  Report r;
  r.unit = &e.places().get(unit.empty() ? "VN" : unit);
  r.unit_name = e.places().display_name(*r.unit);
  r.period = p;
  r.compare = compare;
  r.approved_only = approved_only;
  r.data_note = approved_only ? "Số liệu: chỉ gồm số liệu các tháng đã được cấp trên phê duyệt."
                              : "Số liệu: gồm cả số liệu đã báo cáo nhưng chưa được phê duyệt.";
  bool before = p.from < places::kReformDate ||
                (compare && p.same_period_last_year().from < places::kReformDate);
  if (before) r.reform_note = places::before_reform_note(e.places(), *r.unit);
  std::string name = r.unit_name;
  if (!name.empty()) name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  r.title = "Báo cáo kết quả công tác truyền thông chính sách BHXH, BHTN, BHYT — " + name + " — " +
            p.vi();
  r.narrative = narrative(e, *r.unit, p, compare);
  if (r.unit->level != places::Level::country) {
    const auto& province = e.places().current_province_of(r.unit->id);
    r.issuer = e.places().display_name(province);
    // Decree 30/2020, appendix I: a place named after a person is written in full.
    r.issuer_place = province.name == "Hồ Chí Minh" ? province.full_name : province.name;
  } else {
    r.issuer_place = "Hà Nội";
  }
  r.sections.push_back(indicator_table(e, r, "activities", "Hoạt động truyền thông",
                                       {std::begin(kActivityRows), std::end(kActivityRows)},
                                       false));
  r.sections.push_back(
      indicator_table(e, r, "participation", "Phát triển người tham gia",
                      {std::begin(kParticipationRows), std::end(kParticipationRows)}, true));
  if (!e.places().children(r.unit->id, places::Era::current).empty() &&
      r.unit->level < places::Level::commune)
    r.sections.push_back(units_table(e, r));
  r.sections.push_back(kinds_table(e, r));
  if (r.unit->level <= places::Level::province) r.sections.push_back(groups_table(e, r));
  return r;
}

std::string file_name(const Report& r, std::string_view extension) {
  std::string name = "bao-cao-" + r.unit->folded + "-" + r.period.code();
  for (auto& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '-';
  return name.append(".").append(extension);
}

}  // namespace caunoi::reports
