// tests/activities/import_test.cpp — files as staff make them: a 10,000-row XLSX with Vietnamese
// headings lands whole; one bad date on row 7,413 lands nothing and is named; a re-import adds
// nothing; CSV with ';' and BOM, units by name, headings without diacritics.
#include <algorithm>
#include <set>

#include "activities/import.h"
#include "activities/repository.h"
#include "common/error.h"
#include "fixture.h"
#include "tabular/xlsx_writer.h"

using namespace caunoi;
using testutil::ActivitiesTest;

namespace {

// Communes of old Yên Bái (2022 data goes on old units).
std::vector<std::string> yen_bai_communes(const places::Gazetteer& g) {
  std::vector<std::string> out;
  for (const auto* d : g.children("old:15", places::Era::old))
    for (const auto* c : g.children(d->id, places::Era::old)) out.push_back(c->code);
  return out;
}

// A realistic staff file: one activity a row, kinds in Vietnamese, a figure column per figure.
// `bad_row` (spreadsheet numbering, heading = 1) gets an impossible date.
std::string staff_xlsx(const places::Gazetteer& g, int rows, int bad_row = 0) {
  tabular::XlsxWriter w;
  auto& s = w.add_sheet("Báo cáo");
  s.texts(0,
          {"Ngày", "Đơn vị", "Loại hoạt động", "Kênh", "Đối tượng", "Ngôn ngữ", "Số cuộc",
           "Số lượt người tham dự", "Số lượt phát thanh", "Số tin, bài đăng tải", "Ghi chú"},
          tabular::Style::header);
  auto communes = yen_bai_communes(g);
  for (int i = 0; i < rows; ++i) {
    int r = i + 1;  // 0-based sheet row; spreadsheet row r + 1
    Date d = Date{2022, 1, 1}.add_days(i % 300);
    if (r + 1 == bad_row) {
      s.text(r, 0, "31/02/2022");
    } else {
      s.date(r, 0, d);
    }
    s.text(r, 1, communes[static_cast<size_t>(i) % communes.size()]);
    switch (i % 4) {
      case 0:
        s.text(r, 2, "Hội nghị truyền thông");
        s.number(r, 6, 1);
        s.number(r, 7, 40 + i % 60);
        break;
      case 1:
        s.text(r, 2, "Truyền thông nhóm nhỏ");
        s.text(r, 4, "Đồng bào dân tộc thiểu số; Hộ nông, lâm, ngư, diêm nghiệp");
        s.text(r, 5, "Tiếng Mông");
        s.number(r, 6, 1);
        s.number(r, 7, 8 + i % 12);
        break;
      case 2:
        s.text(r, 2, "Phát thanh loa truyền thanh cơ sở");
        s.number(r, 8, 3 + i % 5);
        break;
      default:
        s.text(r, 2, "Đăng tải trên cổng TTĐT, mạng xã hội");
        s.text(r, 3, "Zalo");
        s.number(r, 9, 2);
        s.text(r, 10, "Tin bài về BHXH tự nguyện, dòng " + std::to_string(r + 1));
    }
  }
  return w.finish();
}

activities::ImportOptions xlsx_opts() {
  activities::ImportOptions o;
  o.filename = "bao-cao.xlsx";
  return o;
}

activities::ImportOptions csv_opts() {
  activities::ImportOptions o;
  o.filename = "x.csv";
  return o;
}

}  // namespace

TEST_F(ActivitiesTest, TenThousandRowXlsxImportsWholeAndReimportAddsNothing) {
  std::string file = staff_xlsx(*g_, 10000);
  long progress_calls = 0, last_total = 0;
  auto opt = xlsx_opts();
  opt.progress = [&](activities::ImportPhase phase, long, long total) {
    ++progress_calls;
    if (phase == activities::ImportPhase::checking) last_total = total;
  };
  auto rep = svc_->import_file(*c_, file, opt);
  ASSERT_TRUE(rep.ok()) << rep.errors.at(0).row << " " << rep.errors.at(0).column << ": "
                        << rep.errors.at(0).message;
  EXPECT_EQ(rep.inserted, 10000);
  EXPECT_EQ(last_total, 10000);
  EXPECT_GT(progress_calls, 2);
  EXPECT_EQ(activities::repo::count_live(*c_), 10000);
  EXPECT_EQ(listener_.added.size(), 10000u);

  // The content landed as written: a small-group row with its lists and language.
  activities::Filter f;
  f.kind = "small_group";
  f.language = "hmong";
  f.group = "farm_households";
  EXPECT_EQ(svc_->list(*c_, f, {}).total, 2500);
  f = {};
  f.channel = "zalo";
  EXPECT_EQ(svc_->list(*c_, f, {}).total, 2500);

  auto again = svc_->import_file(*c_, file, xlsx_opts());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.skipped, 10000);
  EXPECT_EQ(activities::repo::count_live(*c_), 10000);
  EXPECT_EQ(listener_.added.size(), 10000u);
}

TEST_F(ActivitiesTest, OneBadDateOnRow7413ImportsNothingAndNamesIt) {
  std::string file = staff_xlsx(*g_, 10000, 7413);
  auto rep = svc_->import_file(*c_, file, xlsx_opts());
  EXPECT_FALSE(rep.ok());
  ASSERT_EQ(rep.error_count, 1);
  EXPECT_EQ(rep.errors[0].row, 7413);
  EXPECT_EQ(rep.errors[0].column, "Ngày");
  EXPECT_NE(rep.errors[0].message.find("31/02/2022"), std::string::npos);
  EXPECT_EQ(rep.inserted, 0);
  EXPECT_EQ(activities::repo::count_live(*c_), 0);
  EXPECT_TRUE(listener_.added.empty());
}

TEST_F(ActivitiesTest, EveryBadRowAndColumnIsListed) {
  std::string csv =
      "\xEF\xBB\xBF"
      "NGAY;DON VI;loai hoat dong;so luot nguoi tham du;so luot phat thanh\n"
      "15/03/2022;Yên Bái;Hội nghị truyền thông;120;\n"          // fine (province by name)
      "16/03/2022;Yên Bái;Hội nghị truyền thông;120;4\n"         // broadcasts on a conference
      "17/03/2022;Không Có Nơi Nào;Hội nghị truyền thông;-3;\n"  // unknown unit, negative
      "18/03/2022;old:15;Lễ hội;10;\n"                           // unknown kind
      "01/08/2025;old:15;Hội nghị truyền thông;10;\n";           // old unit after the reform
  auto opt = xlsx_opts();
  opt.filename = "bao-cao.csv";
  auto rep = svc_->import_file(*c_, csv, opt);
  ASSERT_FALSE(rep.ok());
  auto has = [&](long row, const std::string& col) {
    return std::any_of(rep.errors.begin(), rep.errors.end(),
                       [&](const auto& e) { return e.row == row && e.column == col; });
  };
  EXPECT_TRUE(has(3, "so luot phat thanh"));
  EXPECT_TRUE(has(4, "DON VI"));
  EXPECT_TRUE(has(4, "so luot nguoi tham du"));
  EXPECT_TRUE(has(5, "loai hoat dong"));
  EXPECT_TRUE(has(6, "DON VI"));
  EXPECT_FALSE(has(2, "DON VI"));
  EXPECT_EQ(activities::repo::count_live(*c_), 0);
}

TEST_F(ActivitiesTest, CsvWithNamesCodesAndExternalReferences) {
  std::string csv =
      "Mã tham chiếu,Ngày,Đơn vị,Loại hoạt động,Số cuộc,Số lượt người tham dự,Ngôn ngữ\n"
      "YB-1,15/03/2022,\"Minh Bảo, Yên Bái\",Tư vấn trực tiếp,1,\"1.200\",Tiếng Mông; Dao\n"
      "YB-2,2022-03-16,15,conference,1,45,\n"  // code 15 on a 2022 date is old Yên Bái
      "LC-1,02/09/2025,15,Hội nghị truyền thông,2,300,\n";  // and today's Lào Cai in 2025
  auto opt = csv_opts();
  auto rep = svc_->import_file(*c_, csv, opt);
  ASSERT_TRUE(rep.ok()) << rep.errors.at(0).row << " " << rep.errors.at(0).column << ": "
                        << rep.errors.at(0).message;
  ASSERT_EQ(rep.inserted, 3);
  auto id = activities::repo::id_of_given_ref(*c_, "YB-1");
  ASSERT_TRUE(id);
  auto a = svc_->get(*c_, *id);
  EXPECT_EQ(a.place, "old:04270");
  EXPECT_EQ(a.reporting_unit, "old:15");
  EXPECT_EQ(a.figure("attendees"), 1200);  // "1.200" is twelve hundred in Vietnamese
  EXPECT_EQ(a.languages, (std::vector<std::string>{"dao", "hmong"}));
  EXPECT_EQ(svc_->get(*c_, *activities::repo::id_of_given_ref(*c_, "YB-2")).place, "old:15");
  EXPECT_EQ(svc_->get(*c_, *activities::repo::id_of_given_ref(*c_, "LC-1")).place, "15");
  EXPECT_EQ(svc_->import_file(*c_, csv, opt).skipped, 3);
}

TEST_F(ActivitiesTest, UnknownHeadingAndMissingColumnsRefuseTheFile) {
  auto opt = csv_opts();
  auto rep = svc_->import_file(*c_, "Ngày,Số ngườii tham dự\n15/03/2022,4\n", opt);
  ASSERT_FALSE(rep.ok());
  EXPECT_TRUE(std::any_of(rep.errors.begin(), rep.errors.end(), [](const auto& e) {
    return e.row == 1 && e.column == "Số ngườii tham dự";
  }));
  EXPECT_TRUE(std::any_of(rep.errors.begin(), rep.errors.end(), [](const auto& e) {
    return e.row == 1 && e.message.find("Loại hoạt động") != std::string::npos;
  }));
  EXPECT_THROW(svc_->import_file(*c_, "\n\n", opt), Error);
  EXPECT_THROW(svc_->import_file(*c_, std::string("PK\x03\x04garbage", 11), opt), Error);
  EXPECT_EQ(activities::repo::count_live(*c_), 0);
}

TEST_F(ActivitiesTest, ErrorListIsCappedButCounted) {
  std::string csv = "Ngày,Đơn vị,Loại hoạt động,Số cuộc\n";
  for (int i = 0; i < 1500; ++i) csv += "xx,old:15,conference,1\n";
  auto opt = csv_opts();
  auto rep = svc_->import_file(*c_, csv, opt);
  EXPECT_EQ(rep.error_count, 1500);
  EXPECT_EQ(rep.errors.size(), 1000u);
}

// A file without "Mã tham chiếu" is recognised on re-import by references derived from each
// row's content. Those bytes must never change with the code (a faster import included), or
// every file imported before would be imported a second time: pinned here.
TEST_F(ActivitiesTest, DerivedReferencesStayTheSameAcrossVersions) {
  std::string csv =
      "Ngày,Đơn vị,Loại hoạt động,Đối tượng,Số cuộc,Số lượt người tham dự,Ghi chú\n"
      "15/03/2022,old:15,Hội nghị truyền thông,\"Người cận nghèo; Học sinh, sinh viên\",1,85,"
      "Thôn Bản\n"
      "15/03/2022,old:15,Hội nghị truyền thông,\"Người cận nghèo; Học sinh, sinh viên\",1,85,"
      "Thôn Bản\n";
  auto opt = csv_opts();
  auto rep = svc_->import_file(*c_, csv, opt);
  ASSERT_TRUE(rep.ok());
  ASSERT_EQ(rep.inserted, 2);
  auto first = activities::repo::get(*c_, rep.first_id),
       second = activities::repo::get(*c_, rep.last_id);
  EXPECT_EQ(first->external_ref, "auto:dea71e647671932a-1");
  EXPECT_EQ(second->external_ref, "auto:dea71e647671932a-2");  // the second identical row
  EXPECT_EQ(first->reporting_unit, "old:15");
  EXPECT_EQ(first->groups, (std::vector<std::string>{"near_poor", "students"}));
  EXPECT_EQ(first->figures, (activities::Figures{{"attendees", 85}, {"events", 1}}));
}

// A CSV's progress total comes from a quick line count before checking (blank lines make it
// too high); the report ends with the rows actually read, and no progress call ever says more
// rows done than its total.
TEST_F(ActivitiesTest, CsvProgressTotalIsEstimatedThenExact) {
  std::string csv =
      "Ngày,Đơn vị,Loại hoạt động,Số cuộc,Số lượt người tham dự\n"
      "15/03/2022,old:15,Hội nghị truyền thông,1,40\n"
      "\n"
      ",,,,\n"
      "16/03/2022,old:15,Hội nghị truyền thông,2,90\n";
  auto opt = csv_opts();
  std::vector<std::pair<long, long>> checking;
  opt.progress = [&](activities::ImportPhase p, long done, long total) {
    if (p == activities::ImportPhase::checking) checking.emplace_back(done, total);
  };
  auto rep = svc_->import_file(*c_, csv, opt);
  ASSERT_TRUE(rep.ok());
  EXPECT_EQ(rep.inserted, 2);
  EXPECT_EQ(rep.rows_total, 2);
  ASSERT_GE(checking.size(), 2u);
  EXPECT_EQ(checking.front(), (std::pair<long, long>{0, 4}));  // four lines under the heading
  EXPECT_EQ(checking.back(), (std::pair<long, long>{2, 2}));
  for (auto [done, total] : checking) EXPECT_LE(done, total);
}

// Rows are written sorted by place and date, not in file order: what a re-import recognises
// must not depend on that. A row moved by a form after its import keeps being recognised under
// the place and date it was imported with, and a given reference repeated in one file keeps the
// first row that carries it, wherever the sorting puts the other.
TEST_F(ActivitiesTest, ReimportRecognisesRowsMovedByFormsAndRepeatedReferences) {
  std::string csv =
      "Ngày,Đơn vị,Loại hoạt động,Số cuộc,Số lượt người tham dự\n"
      "16/03/2022,old:15,Hội nghị truyền thông,1,40\n"
      "15/03/2022,old:15,Hội nghị truyền thông,1,40\n"
      "15/03/2022,old:15,Hội nghị truyền thông,1,40\n";
  auto opt = csv_opts();
  std::vector<activities::ImportPhase> phases;
  opt.progress = [&](activities::ImportPhase p, long, long) { phases.push_back(p); };
  auto rep = svc_->import_file(*c_, csv, opt);
  ASSERT_TRUE(rep.ok());
  ASSERT_EQ(rep.inserted, 3);
  EXPECT_EQ(rep.rows_to_write, 3);
  EXPECT_EQ(phases.front(), activities::ImportPhase::checking);
  EXPECT_EQ(phases.back(), activities::ImportPhase::writing);
  // Sorted by date within the place: the 15th comes first and keeps the ranks of the file.
  auto first = activities::repo::get(*c_, rep.first_id);
  EXPECT_EQ(first->date_from, (Date{2022, 3, 15}));
  EXPECT_TRUE(first->external_ref.ends_with("-1"));

  // A form moves the 16 March row to another commune and date.
  int64_t moved_id = 0;
  for (int64_t id = rep.first_id; id <= rep.last_id; ++id)
    if (activities::repo::get(*c_, id)->date_from == Date{2022, 3, 16}) moved_id = id;
  ASSERT_NE(moved_id, 0);
  activities::Activity changed = svc_->get(*c_, moved_id);
  changed.place = "old:04270";
  changed.date_from = changed.date_to = Date{2022, 3, 20};
  svc_->update(*c_, moved_id, changed, testutil::by("canbo"));
  auto again = svc_->import_file(*c_, csv, opt);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.skipped, 3);
  EXPECT_EQ(activities::repo::count_live(*c_), 3);

  // "R-1" twice: the first row (a district) is kept though the second (a commune, "old:04270")
  // sorts before it and is written first.
  std::string given =
      "Mã tham chiếu,Ngày,Đơn vị,Loại hoạt động,Số cuộc\n"
      "R-1,10/04/2022,old:135,Hội nghị truyền thông,1\n"
      "R-1,10/04/2022,old:04270,Hội nghị truyền thông,2\n";
  auto rg = svc_->import_file(*c_, given, opt);
  ASSERT_TRUE(rg.ok()) << rg.errors.at(0).message;
  EXPECT_EQ(rg.inserted, 1);
  EXPECT_EQ(rg.skipped, 1);
  EXPECT_EQ(svc_->get(*c_, *activities::repo::id_of_given_ref(*c_, "R-1")).place, "old:135");
  // A given reference stays unique everywhere: a form may not reuse it at another place.
  activities::Activity copy = svc_->get(*c_, *activities::repo::id_of_given_ref(*c_, "R-1"));
  copy.place = "old:15";
  EXPECT_THROW(svc_->create(*c_, copy, testutil::by("canbo")), Error);
}

// Excel turns "04270" and "01" typed in General cells into 4270 and 1: a code short of its
// zeros is found when only one unit has it padded, and named with its candidates otherwise.
TEST_F(ActivitiesTest, CodesThatExcelStrippedOfZerosAreFoundOrNamed) {
  auto opt = csv_opts();
  std::string good =
      "Ngày,Đơn vị,Loại hoạt động,Số cuộc\n"
      "15/03/2022,4270,Hội nghị truyền thông,1\n"  // only old:04270
      "15/06/2026,1,Hội nghị truyền thông,1\n";    // after the reform only 01, Hà Nội
  auto rep = svc_->import_file(*c_, good, opt);
  ASSERT_TRUE(rep.ok()) << rep.errors.at(0).message;
  std::set<std::string> places;
  for (int64_t id = rep.first_id; id <= rep.last_id; ++id) places.insert(svc_->get(*c_, id).place);
  EXPECT_EQ(places, (std::set<std::string>{"old:04270", "01"}));

  // In 2022 "1" could be the province 01, the district 001 or the commune 00001.
  std::string ambiguous =
      "Ngày,Đơn vị,Loại hoạt động,Số cuộc\n15/03/2022,1,Hội nghị truyền thông,1\n";
  auto bad = svc_->import_file(*c_, ambiguous, opt);
  ASSERT_EQ(bad.errors.size(), 1u);
  EXPECT_EQ(bad.errors[0].column, "Đơn vị");
  const std::string& m = bad.errors[0].message;
  EXPECT_NE(m.find("01 là Thành phố Hà Nội"), std::string::npos) << m;
  EXPECT_NE(m.find("001 là Quận Ba Đình"), std::string::npos) << m;
  EXPECT_NE(m.find("Văn bản (Text)"), std::string::npos) << m;
  // Two digits are a province code: "99" is refused, not taken for the district 099.
  auto slip = svc_->import_file(
      *c_, "Ngày,Đơn vị,Loại hoạt động,Số cuộc\n15/03/2022,99,Hội nghị truyền thông,1\n", opt);
  ASSERT_EQ(slip.errors.size(), 1u);
  EXPECT_NE(slip.errors[0].message.find("099 là Huyện Tuần Giáo"), std::string::npos)
      << slip.errors[0].message;
  EXPECT_EQ(activities::repo::count_live(*c_), 2);
}

// An update that leaves the reference out (an API client sending only what it shows) keeps it:
// the file it came from, imported again, still adds nothing.
TEST_F(ActivitiesTest, UpdateWithoutReferenceKeepsItSoReimportAddsNothing) {
  std::string csv =
      "Mã tham chiếu,Ngày,Đơn vị,Loại hoạt động,Số cuộc,Số lượt người tham dự\n"
      "LC-7,15/03/2022,old:15,Hội nghị truyền thông,1,40\n"
      ",16/03/2022,old:15,Hội nghị truyền thông,1,50\n";
  auto opt = csv_opts();
  auto rep = svc_->import_file(*c_, csv, opt);
  ASSERT_TRUE(rep.ok());
  ASSERT_EQ(rep.inserted, 2);
  for (int64_t id = rep.first_id; id <= rep.last_id; ++id) {
    activities::Activity a = svc_->get(*c_, id);
    std::string ref = a.external_ref;
    ASSERT_FALSE(ref.empty());
    a.external_ref.clear();
    a.title = "Đã sửa số liệu";
    EXPECT_EQ(svc_->update(*c_, id, a, testutil::by("canbo")).external_ref, ref);
    EXPECT_EQ(svc_->get(*c_, id).external_ref, ref);
  }
  auto again = svc_->import_file(*c_, csv, opt);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.skipped, 2);
  EXPECT_EQ(activities::repo::count_live(*c_), 2);
}

// Two checkers (the import's choice for a large file) must give exactly what one gives: the same
// rows with the same ids and references, the same repeated reference kept, the same errors. With
// two, the write also reads its rows through ReadAhead (read_ahead.h).
TEST_F(ActivitiesTest, TwoCheckersGiveWhatOneGives) {
  const char* places[] = {"old:15", "old:04270", "old:135", "old:132"};
  auto file = [&](bool with_errors) {
    std::string csv = "Mã tham chiếu,Ngày,Đơn vị,Loại hoạt động,Số cuộc,Số lượt người tham dự\n";
    for (int i = 0; i < 6000; ++i) {
      // Row numbers in the file are i + 2. Every 97th row repeats the one before it (derived
      // references with rank 2); every 5th carries a given reference, one of them twice.
      bool repeat = i % 97 == 1;
      int k = repeat ? i - 1 : i;
      std::string ref = (!repeat && i % 97 != 0 && i % 5 == 0) ? "R-" + std::to_string(i) : "";
      // Rows are shared out by 1,024: row 12 goes to the helper, row 5,205 to the reading
      // thread, and its place ("old:132") sorts before row 12's ("old:135").
      if (i == 10 || i == 5203) ref = "DUP-1";
      std::string date = std::to_string(1 + k % 28) + "/" + std::to_string(1 + k % 12) + "/2022";
      std::string kind = "Hội nghị truyền thông";
      std::string people = std::to_string(10 + k % 50);
      if (with_errors && i == 5) date = "31/02/2022";
      if (with_errors && i == 3000) kind = "Hội nghị bàn tròn";
      if (with_errors && i == 5998) people = "-4";
      csv += ref + "," + date + "," + places[k % 4] + "," + kind + ",1," + people + "\n";
    }
    return csv;
  };
  // Ids relative to the first: a table emptied numbers again from 1 on SQLite, but PostgreSQL's
  // sequence goes on.
  auto dump = [&] {
    std::vector<std::string> rows;
    c_->each(
        "SELECT id - (SELECT MIN(id) FROM activities), place, date_from, external_ref, figures"
        " FROM activities ORDER BY id",
        [&](const store::Row& r) {
          rows.push_back(std::to_string(r.i64(0)) + "|" + r.text(1) + "|" + r.text(2) + "|" +
                         r.text(3) + "|" + r.text(4));
        });
    return rows;
  };
  auto run = [&](size_t threads, bool with_errors) {
    activities::ImportOptions opt;
    opt.filename = "x.csv";
    opt.check_threads = threads;
    return svc_->import_file(*c_, file(with_errors), opt);
  };

  auto one = run(1, false);
  ASSERT_TRUE(one.ok());
  auto rows_one = dump();
  c_->exec_script("DELETE FROM activities");  // empty again
  auto two = run(2, false);
  ASSERT_TRUE(two.ok());
  EXPECT_EQ(two.inserted, one.inserted);
  EXPECT_EQ(two.skipped, one.skipped);
  EXPECT_EQ(one.skipped, 1);  // the second DUP-1
  EXPECT_EQ(two.rows_done, 6000);
  EXPECT_EQ(dump(), rows_one);
  auto dup = activities::repo::id_of_given_ref(*c_, "DUP-1");
  ASSERT_TRUE(dup);
  EXPECT_EQ(svc_->get(*c_, *dup).place, places[10 % 4]);  // row 12 of the file, not row 5,205

  auto bad_one = run(1, true), bad_two = run(2, true);
  ASSERT_EQ(bad_one.error_count, 3);
  ASSERT_EQ(bad_two.error_count, 3);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(bad_two.errors[i].row, bad_one.errors[i].row);
    EXPECT_EQ(bad_two.errors[i].column, bad_one.errors[i].column);
    EXPECT_EQ(bad_two.errors[i].message, bad_one.errors[i].message);
  }
  EXPECT_EQ(bad_one.errors[0].row, 7);
  EXPECT_EQ(bad_one.errors[2].row, 6000);
  EXPECT_EQ(dump(), rows_one);  // the refused files wrote nothing
}

TEST_F(ActivitiesTest, RefusalsSuggestWhatWasMeantAndNameTheKindsFigures) {
  std::string csv =
      "Ngày,Đơn vị,Loại hoạt động,Đối tượng,Số cuộc,Số lượt người tham dự\n"
      "15/03/2022,old:15,Truyền thông nhóm nhỏ,nguoi dan toc thieu so,1,12\n"
      "16/03/2022,old:15,Lễ ra quân,,1,200\n"
      "17/03/2022,old:15,Hoi nghi khach hang,,1,30\n"
      "18/03/2022,old:15,Hội nghị khách hangg,,1,30\n";
  auto opt = csv_opts();
  auto rep = svc_->import_file(*c_, csv, opt);
  ASSERT_FALSE(rep.ok());
  auto message_at = [&](long row, const std::string& col) {
    for (const auto& e : rep.errors)
      if (e.row == row && e.column == col) return e.message;
    return std::string();
  };
  EXPECT_NE(message_at(2, "Đối tượng").find("có phải \"Đồng bào dân tộc thiểu số\""),
            std::string::npos)
      << message_at(2, "Đối tượng");
  EXPECT_NE(message_at(3, "Số lượt người tham dự").find("loại này ghi:"), std::string::npos)
      << message_at(3, "Số lượt người tham dự");
  // A kind written right but without diacritics is found, not suggested.
  EXPECT_EQ(message_at(4, "Loại hoạt động"), "");
  EXPECT_NE(message_at(5, "Loại hoạt động").find("có phải \"Hội nghị khách hàng\""),
            std::string::npos)
      << message_at(5, "Loại hoạt động");
  EXPECT_EQ(activities::repo::count_live(*c_), 0);
}
