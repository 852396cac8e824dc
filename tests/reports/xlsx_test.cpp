// tests/reports/xlsx_test.cpp — the XLSX report read back with the project's own XLSX reader:
// one sheet per section, Vietnamese headings, numbers stored as numbers, comparisons as text, the
// reform note above every table of a period before 1 July 2025.
#include <gtest/gtest.h>

#include <map>

#include "analytics/world.h"
#include "reports/docx_read.h"
#include "reports/render.h"
#include "reports/report.h"
#include "tabular/xlsx_reader.h"

namespace caunoi {
namespace {

using testutil::AnalyticsWorld;

// Sheet → "A1"-style cell → text, as the reader gives it.
// "B7": append() rather than a + b, where GCC 12 at -O3 sees a false -Wrestrict overlap.
std::string cell(char column, long row) {
  return std::string(1, column).append(std::to_string(row));
}

std::map<std::string, std::string> read_sheet(const std::string& bytes, const std::string& sheet) {
  std::map<std::string, std::string> cells;
  tabular::XlsxOptions opt;
  opt.sheet = sheet;
  tabular::read_xlsx(
      bytes,
      [&](long row, tabular::Cells cs) {
        for (size_t c = 0; c < cs.size(); ++c)
          if (!cs[c].empty()) cells[cell(static_cast<char>('A' + c), row)] = std::string(cs[c]);
        return true;
      },
      opt);
  return cells;
}

TEST(XlsxReport, SectionsCellsAndNarrative) {
  AnalyticsWorld w;
  auto provinces = testutil::old_provinces();
  w.spread(provinces, "2022-01..2022-10", "conference",
           {{"events", 143'950}, {"attendees", 1'998'000}});
  w.spread(provinces, "2021-01..2021-10", "conference",
           {{"events", 49'638}, {"attendees", 700'000}});
  w.plans.put_result(
      *w.db, {"old:66", "2022-09", {}, {{"bhyt", "", 1'604'000}, {"population", "", 1'738'377}}},
      testutil::by());
  w.plans.put_target(*w.db, {0, "old:66", 2022, "bhyt_coverage", "", 91.75, ""}, testutil::by());
  w.plans.put_target(*w.db, {0, "old:66", 2022, "meetings", "", 3000, ""}, testutil::by());
  w.plans.put_target(*w.db, {0, "old:01", 2022, "meetings", "", 9000, ""}, testutil::by());

  auto report =
      reports::build_report(w.engine, "VN", periods::Period::parse("2022-01..2022-10"), true);
  std::string bytes = reports::render_xlsx(report);
  auto sheets = tabular::xlsx_sheet_names(bytes);
  ASSERT_GE(sheets.size(), 5u);
  EXPECT_EQ(sheets[0], "Tóm tắt");
  EXPECT_EQ(sheets[1], "Hoạt động truyền thông");
  EXPECT_EQ(sheets[2], "Phát triển người tham gia");
  EXPECT_EQ(sheets[3], "Theo đơn vị");

  auto summary = read_sheet(bytes, "Tóm tắt");
  EXPECT_EQ(summary["A3"], report.narrative);
  EXPECT_NE(summary["A3"].find("khoảng 144.000 hội nghị"), std::string::npos);
  EXPECT_NE(summary["A3"].find("gấp 2,9 lần so với cùng kỳ năm 2021"), std::string::npos);

  auto act = read_sheet(bytes, "Hoạt động truyền thông");
  EXPECT_EQ(act["A3"], "STT");
  EXPECT_EQ(act["B3"], "Chỉ tiêu");
  EXPECT_EQ(act["D3"], "10 tháng đầu năm 2022");
  EXPECT_EQ(act["E3"], "Cùng kỳ 10 tháng đầu năm 2021");
  EXPECT_EQ(act["F3"], "So với cùng kỳ");
  EXPECT_EQ(act["G3"], "Kế hoạch năm 2022");
  EXPECT_EQ(act["B4"], analytics::get_indicator("meetings").label);
  EXPECT_EQ(act["C4"], "cuộc");
  EXPECT_EQ(act["D4"], "143950");
  EXPECT_EQ(act["E4"], "49638");
  EXPECT_EQ(act["F4"], "gấp 2,9 lần");
  EXPECT_EQ(act["G4"], "12000");  // provinces' targets summed to the country
  EXPECT_DOUBLE_EQ(std::stod(act["H4"]),
                   143950.0 / 12000.0);  // stored as a fraction (percent style)
  EXPECT_EQ(act["D5"], "1998000");

  auto part = read_sheet(bytes, "Phát triển người tham gia");
  // Only indicators with figures: BHYT participants, coverage, population.
  std::map<std::string, std::string> by_label;
  for (int r = 4; r < 20; ++r)
    if (part.count(cell('B', r))) by_label[part[cell('B', r)]] = part[cell('D', r)];
  EXPECT_EQ(by_label["Số người tham gia BHYT"], "1604000");
  EXPECT_NEAR(std::stod(by_label["Tỷ lệ bao phủ BHYT"]), 0.9227, 0.00005);

  auto units = read_sheet(bytes, "Theo đơn vị");
  EXPECT_EQ(units["C4"], "Hà Nội");  // today's provinces, first by code
  int rows = 0;
  for (int r = 4; r < 60; ++r) rows += units.count(cell('B', r)) ? 1 : 0;  // the note has no code
  EXPECT_EQ(rows, 34);
}

// Before 1 July 2025 today's Lào Cai stood for two provinces: the summary says so under the
// narrative and every section sheet between its title and its headings, as text (a cell with a
// shared string, no formula), and a report of 2026 alone says nothing of it.
TEST(XlsxReport, ReformNoteAboveEachTable) {
  AnalyticsWorld w;
  w.spread({"old:15"}, "2022", "loudspeaker", {{"broadcasts", 90}});
  auto report = reports::build_report(w.engine, "15", periods::Period::parse("2022"), false);
  const std::string sentence =
      "Số liệu trước ngày sắp xếp đơn vị hành chính (01/07/2025) tính theo địa bàn hiện nay: tỉnh "
      "Lào Cai, gồm tỉnh Lào Cai và tỉnh Yên Bái trước 01/07/2025.";
  std::string bytes = reports::render_xlsx(report);
  EXPECT_EQ(read_sheet(bytes, "Tóm tắt")["A4"], sentence);
  for (const auto& s : report.sections) {
    auto sheet = read_sheet(bytes, s.title);
    EXPECT_EQ(sheet["A2"], sentence) << s.title;
    EXPECT_EQ(sheet["A3"], s.columns[0].title) << s.title;  // the headings stay in row 3
  }
  auto parts = testutil::unzip_all(bytes);
  int sheets = 0, notes = 0;
  for (const auto& [name, data] : parts) {
    if (!name.starts_with("xl/worksheets/sheet")) continue;
    ++sheets;
    auto xml = testutil::parse_xml(data);
    ASSERT_EQ(xml.error, "") << name;
    for (auto& e : xml.elements) {
      EXPECT_NE(e.name, "f") << name << " holds a formula";
      // The note's cell: A4 of the summary (sheet1), A2 of each section's sheet.
      const char* note_cell = name == "xl/worksheets/sheet1.xml" ? "A4" : "A2";
      if (e.name == "c" && e.attrs["r"] == note_cell) {
        EXPECT_EQ(e.attrs["t"], "s") << name << " " << note_cell;
        ++notes;
      }
    }
  }
  EXPECT_EQ(sheets, static_cast<int>(report.sections.size()) + 1);
  EXPECT_EQ(notes, sheets);

  auto later = reports::build_report(w.engine, "15", periods::Period::parse("2026-01"), false);
  EXPECT_EQ(later.reform_note, "");
  std::string later_bytes = reports::render_xlsx(later);
  EXPECT_EQ(read_sheet(later_bytes, "Tóm tắt").count("A4"), 0u);
  EXPECT_EQ(read_sheet(later_bytes, later.sections[0].title).count("A2"), 0u);
}

TEST(JsonAndTextReport, SameContent) {
  AnalyticsWorld w;
  w.spread({"old:15"}, "2022", "loudspeaker", {{"broadcasts", 90}});
  auto report = reports::build_report(w.engine, "15", periods::Period::parse("2022"), false);
  auto j = reports::render_json(report);
  EXPECT_EQ(j["unit"].as_object()["display_name"].as_string(), "tỉnh Lào Cai");
  EXPECT_EQ(j["narrative"].as_string(), report.narrative);
  EXPECT_EQ(report.narrative,
            "Năm 2022, tỉnh Lào Cai đã có 90 lượt truyền thông qua hệ thống loa truyền thanh cơ "
            "sở.");
  auto text = reports::render_text(report);
  EXPECT_NE(text.find("Hoạt động truyền thông"), std::string::npos);
  EXPECT_NE(text.find(report.narrative), std::string::npos);
}

}  // namespace
}  // namespace caunoi
