// tests/activities/export_formula_test.cpp — exports never carry formulas (issue 22, item 8):
// titles, notes, references and partner names that a spreadsheet program would run come out of
// a CSV export marked as text and import back as nothing new, and an XLSX export holds them as
// strings, never as formulas.
#include <string_view>

#include "activities/export.h"
#include "activities/import.h"
#include "fixture.h"
#include "tabular/csv_reader.h"
#include "tabular/rows.h"
#include "zip_entry.h"

using namespace caunoi;
using activities::Activity;
using testutil::ActivitiesTest;

namespace {

// One text for each character a spreadsheet program starts a formula with (OWASP's list).
const std::vector<std::string> kHostile = {
    "=HYPERLINK(\"http://x\"&A1,\"Bấm vào\")", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\t=1", "\r=1"};

bool starts_with_formula_char(std::string_view cell) {
  return !cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos;
}

std::vector<std::vector<std::string>> csv_rows(std::string_view csv) {
  std::vector<std::vector<std::string>> rows;
  tabular::read_csv(csv, [&](long, tabular::Cells cells) {
    rows.emplace_back(cells.begin(), cells.end());
    return true;
  });
  return rows;
}

// Columns of the export (export.cpp headings).
constexpr size_t kRefCol = 0, kPartnersCol = 11, kTitleCol = 12, kNoteCol = 13;

class ExportFormulas : public ActivitiesTest {
 protected:
  void SetUp() override {
    ActivitiesTest::SetUp();
    for (size_t i = 0; i < kHostile.size(); ++i) {
      svc_->add_reference(*c_, testutil::by(), "partner",
                          {partner_code(i), partner_label(i), "", 0});
      Activity a = conference();
      a.title = kHostile[i];
      a.note = kHostile[(i + 1) % kHostile.size()];
      a.external_ref = kHostile[(i + 2) % kHostile.size()];
      a.partners = {partner_code(i)};
      svc_->create(*c_, a, testutil::by("test"));
    }
    // A form entry (exported as "caunoi:<id>"), and text that already starts with the mark.
    Activity a = conference();
    a.title = "=1+1";
    a.note = "'=1 (có dấu nháy từ trước)";
    svc_->create(*c_, a, testutil::by("test"));
    a.external_ref = "'+84 912 345 678";
    svc_->create(*c_, a, testutil::by("test"));
  }

  static std::string partner_code(size_t i) { return "formula_" + std::to_string(i); }
  static std::string partner_label(size_t i) {
    return kHostile[i] + " đối tác " + std::to_string(i);
  }

  std::string csv() {
    return activities::export_csv(*c_, *svc_->reference(), *g_, activities::Filter{});
  }

  // Every column of every row, deleted ones and the bookkeeping columns included.
  std::vector<std::string> table() {
    std::vector<std::string> rows;
    c_->each("SELECT * FROM activities ORDER BY id", [&](const store::Row& r) {
      std::string row;
      for (int i = 0; i < r.columns(); ++i) row += (r.is_null(i) ? "NULL" : r.text(i)) + "|";
      rows.push_back(row);
    });
    return rows;
  }
};

}  // namespace

TEST_F(ExportFormulas, CsvExportWritesFormulaLikeTextAsText) {
  auto rows = csv_rows(csv());
  ASSERT_EQ(rows.size(), 1 + kHostile.size() + 2);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t col = 0; col < rows[r].size(); ++col) {
      EXPECT_FALSE(starts_with_formula_char(rows[r][col]))
          << "row " << r << ", column " << rows[0][col] << ": " << rows[r][col];
    }
  }
  // The texts are all there, each behind one apostrophe; figures are untouched numbers.
  for (size_t i = 0; i < kHostile.size(); ++i) {
    const auto& row = rows[1 + i];  // oldest first
    EXPECT_EQ(row[kTitleCol], "'" + kHostile[i]);
    EXPECT_EQ(row[kNoteCol], "'" + kHostile[(i + 1) % kHostile.size()]);
    EXPECT_EQ(row[kRefCol], "'" + kHostile[(i + 2) % kHostile.size()]);
    EXPECT_EQ(row[kPartnersCol], "'" + partner_label(i));
    EXPECT_NE(std::find(row.begin(), row.end(), "85"), row.end());
  }
  EXPECT_EQ(rows[7][kTitleCol], "'=1+1");
  EXPECT_EQ(rows[7][kNoteCol], "''=1 (có dấu nháy từ trước)");
  EXPECT_EQ(rows[8][kRefCol], "''+84 912 345 678");  // an apostrophe before '+': marked again
}

TEST_F(ExportFormulas, CsvExportImportsBackAsNothingNewAndChangesNothing) {
  auto before = table();
  activities::ImportOptions opt;
  opt.filename = "hoat-dong.csv";
  auto rep = svc_->import_file(*c_, csv(), opt);
  ASSERT_TRUE(rep.ok()) << (rep.errors.empty() ? "" : rep.errors[0].message);
  EXPECT_EQ(rep.inserted, 0);
  EXPECT_EQ(rep.skipped, static_cast<long>(kHostile.size()) + 2);
  EXPECT_EQ(table(), before);
}

TEST_F(ExportFormulas, XlsxExportHoldsTheTextsAsStringsNeverFormulas) {
  std::string xlsx = activities::export_xlsx(*c_, *svc_->reference(), *g_, activities::Filter{});
  std::string sheet = testutil::zip_entry(xlsx, "xl/worksheets/sheet1.xml");
  ASSERT_NE(sheet.find("<sheetData"), std::string::npos);
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);
  EXPECT_EQ(sheet.find("<f "), std::string::npos);
  // Strings as written, without the CSV's apostrophe: a workbook has a string type of its own.
  std::vector<std::vector<std::string>> rows;
  tabular::read_any(xlsx, "x.xlsx", [&](long, tabular::Cells cells) {
    rows.emplace_back(cells.begin(), cells.end());
    return true;
  });
  ASSERT_EQ(rows.size(), 1 + kHostile.size() + 2);
  for (size_t i = 0; i < kHostile.size(); ++i) {
    // libxlsxwriter writes a CR as the OOXML escape "_x000D_", which Excel shows as the CR but
    // tabular's XLSX reader does not decode yet: those texts are left to the sheet check above.
    if (kHostile[i].find('\r') != std::string::npos) continue;
    EXPECT_EQ(rows[1 + i][kTitleCol], kHostile[i]);
    EXPECT_EQ(rows[1 + i][kPartnersCol], partner_label(i));
  }
}
