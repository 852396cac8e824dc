// tests/plans/import_test.cpp — targets and results entered by API-shaped calls and imported
// from CSV/XLSX: all rows or none, every bad row and column named, numbers the Vietnamese way.
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>

#include "analytics/world.h"
#include "tabular/xlsx_writer.h"

namespace caunoi {
namespace {

using testutil::AnalyticsWorld;

int64_t count(store::Connection& c, const char* table) {
  return c.scalar(std::string("SELECT COUNT(*) FROM ") + table).value_or(-1);
}

TEST(PlansImport, ResultsCsvAllOrNothing) {
  AnalyticsWorld w;
  std::string bad =
      "Mã đơn vị;Tên đơn vị;Kỳ;BHXH bắt buộc;BHXH tự nguyện;BHYT;Dân số\n"
      "old:66;Đắk Lắk;12/2022;106.400;18.004;1.604.000;1.738.377\n"
      "old:99;Không có;2022-12;1;2;3;4\n"
      "old:15;Yên Bái;2022-13;10;x;30;40\n"
      "old:15;Yên Bái;2025-09;10;20;30;40\n";
  try {
    w.plans.import_results(*w.db, bad, "ket_qua.csv", {}, testutil::by());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "import_invalid");
    std::set<std::string> fields;
    for (const auto& f : e.fields()) fields.insert(f.field);
    EXPECT_TRUE(fields.count("dòng 3 / Mã đơn vị"));
    EXPECT_TRUE(fields.count("dòng 4 / Kỳ"));
    EXPECT_TRUE(fields.count("dòng 4 / BHXH tự nguyện"));
    EXPECT_TRUE(fields.count("dòng 5 / Mã đơn vị"));  // old unit after the reform
    EXPECT_FALSE(fields.count("dòng 2 / Mã đơn vị"));
  }
  EXPECT_EQ(count(*w.db, "participation_results"), 0);
  EXPECT_FALSE(w.figure("bhyt", "VN", "2022").value);

  std::string good =
      "Mã đơn vị,Kỳ,BHXH bắt buộc,BHXH tự nguyện,BHYT,Dân số\n"
      "old:66,12/2022,106.400,18.004,1.604.000,1.738.377\n"
      "66,2025Q3,110000,21000,1700000,2700000\n";
  auto s = w.plans.import_results(*w.db, good, "ket_qua.csv", {}, testutil::by());
  EXPECT_EQ(s.rows, 2);
  EXPECT_EQ(s.written, 8);
  EXPECT_NEAR(*w.figure("bhyt_coverage", "old:66", "2022").value, 92.27, 0.005);
  EXPECT_EQ(*w.figure("bhyt", "66", "2025").value, 1'700'000);
}

TEST(PlansImport, TargetsXlsxWithKindCodes) {
  AnalyticsWorld w;
  tabular::XlsxWriter x;
  auto& sh = x.add_sheet("Chỉ tiêu");
  sh.texts(0, {"Mã đơn vị", "Năm", "Chỉ tiêu", "Giá trị"}, tabular::Style::header);
  sh.text(1, 0, "old:66");
  sh.number(1, 1, 2022);
  sh.text(1, 2, "bhyt_coverage");
  sh.number(1, 3, 91.75, tabular::Style::decimal2);
  sh.text(2, 0, "old:66");
  sh.number(2, 1, 2022);
  sh.text(2, 2, "conference");  // a bare activity kind means its indicator
  sh.number(2, 3, 640);
  std::string bytes = x.finish();
  auto s = w.plans.import_targets(*w.db, bytes, "chi_tieu.xlsx", {}, testutil::by());
  EXPECT_EQ(s.written, 2);
  auto ts = w.plans.targets(*w.db, "old:66", 2022);
  ASSERT_EQ(ts.size(), 2u);
  EXPECT_EQ(ts[0].indicator, "bhyt_coverage");
  EXPECT_DOUBLE_EQ(ts[0].value, 91.75);
  EXPECT_EQ(ts[1].indicator, "kind.conference");
  EXPECT_EQ(*w.figure("kind.conference", "old:66", "2022").target, 640);
  // The current province carries the old one's target of a countable indicator.
  EXPECT_EQ(*w.figure("kind.conference", "66", "2022").target, 640);

  // A bad indicator and a negative value: nothing more is written.
  std::string bad =
      "Mã đơn vị,Năm,Chỉ tiêu,Giá trị\nold:66,2023,khong_co,5\nold:66,2023,meetings,-1\n";
  EXPECT_THROW(w.plans.import_targets(*w.db, bad, "x.csv", {}, testutil::by()), Error);
  EXPECT_EQ(count(*w.db, "plan_targets"), 2);
}

TEST(PlansApi, ValidationAndDeletion) {
  AnalyticsWorld w;
  EXPECT_THROW(w.plans.put_result(*w.db, {"old:66", "2022", {}, {{"bhyt", "", 1}}}, testutil::by()),
               Error);
  EXPECT_THROW(
      w.plans.put_result(*w.db, {"old:66", "2022-12", {}, {{"khong", "", 1}}}, testutil::by()),
      Error);
  EXPECT_THROW(
      w.plans.put_result(*w.db, {"old:66", "2022-12", {}, {{"bhyt", "", -5}}}, testutil::by()),
      Error);
  auto t = w.plans.put_target(*w.db, {0, "VN", 2022, "bhyt_coverage", "", 92, ""}, testutil::by());
  EXPECT_GT(t.id, 0);
  // Same key again replaces the value.
  auto t2 =
      w.plans.put_target(*w.db, {0, "VN", 2022, "bhyt_coverage", "", 92.5, ""}, testutil::by());
  EXPECT_EQ(t2.id, t.id);
  EXPECT_EQ(*w.figure("bhyt_coverage", "VN", "2022").target, 92.5);
  w.plans.delete_target(*w.db, t.id, testutil::by());
  EXPECT_FALSE(w.figure("bhyt_coverage", "VN", "2022").target);
  EXPECT_THROW(w.plans.delete_target(*w.db, t.id, testutil::by()), Error);
}

}  // namespace
TEST(PlansImport, CodesThatExcelStrippedOfZerosAreFoundOrNamed) {
  AnalyticsWorld w;
  // "4" is both Cao Bằng (04) and the commune Ba Đình (00004): refused, naming both.
  std::string bad =
      "Mã đơn vị,Năm,Chỉ tiêu,Giá trị\n1,2026,bhyt_coverage,95\n4,2026,bhyt_coverage,93\n";
  try {
    w.plans.import_targets(*w.db, bad, "x.csv", {}, testutil::by());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].field, "dòng 3 / Mã đơn vị");
    EXPECT_NE(e.fields()[0].message.find("04 là Tỉnh Cao Bằng"), std::string::npos);
    EXPECT_NE(e.fields()[0].message.find("00004 là Phường Ba Đình"), std::string::npos);
  }
  EXPECT_EQ(count(*w.db, "plan_targets"), 0);
  // "1" can only be Hà Nội (01).
  EXPECT_EQ(w.plans
                .import_targets(*w.db, "Mã đơn vị,Năm,Chỉ tiêu,Giá trị\n1,2026,bhyt_coverage,95\n",
                                "x.csv", {}, testutil::by())
                .written,
            1);
  EXPECT_EQ(w.plans.targets(*w.db, "01", 2026).size(), 1u);
  // In results too, within the era the id names ("old:4270" is the old commune old:04270), and
  // "old:99" is not taken for the district Tuần Giáo (099): two digits are a province code.
  w.plans.import_results(*w.db, "Mã đơn vị,Kỳ,BHYT\nold:4270,12/2022,7000\n", "x.csv", {},
                         testutil::by());
  auto rs = w.plans.results(*w.db, "old:04270", std::nullopt, std::nullopt);
  ASSERT_EQ(rs.size(), 1u);
  EXPECT_EQ(rs[0].values.at(0).value, 7'000);
  try {
    w.plans.import_results(*w.db, "Mã đơn vị,Kỳ,BHYT\nold:99,12/2022,7000\n", "x.csv", {},
                           testutil::by());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(e.fields().at(0).message.find("099 là Huyện Tuần Giáo"), std::string::npos)
        << e.fields().at(0).message;
  }
}

// Units by name, as the activities import has them (sheets/units.h): looked up among the units
// of the year's end (targets) or the period's end (results), so "Yên Bái" in 2022 is the old
// province and "Lào Cai" in 2026 today's; a name that is nowhere is refused saying so.
TEST(PlansImport, UnitsByNameForTheDateOfTheRow) {
  AnalyticsWorld w;
  auto s = w.plans.import_targets(
      *w.db,
      "Mã đơn vị,Năm,Chỉ tiêu,Giá trị\nYên Bái,2022,bhyt_coverage,90\n"
      "lao cai,2026,bhyt_coverage,95\n\"Minh Bảo, Yên Bái\",2022,bhyt_coverage,91\n",
      "x.csv", {}, testutil::by());
  EXPECT_EQ(s.written, 3);
  EXPECT_EQ(w.plans.targets(*w.db, "old:15", 2022).size(), 1u);
  EXPECT_EQ(w.plans.targets(*w.db, "15", 2026).size(), 1u);
  EXPECT_EQ(w.plans.targets(*w.db, "old:04270", 2022).size(), 1u);
  w.plans.import_results(*w.db, "Mã đơn vị,Kỳ,BHYT\nYên Bái,12/2022,7000\n", "x.csv", {},
                         testutil::by());
  EXPECT_EQ(w.plans.results(*w.db, "old:15", std::nullopt, std::nullopt).size(), 1u);
  try {
    w.plans.import_targets(*w.db,
                           "Mã đơn vị,Năm,Chỉ tiêu,Giá trị\nXứ Sở Thần Tiên,2026,meetings,5\n",
                           "x.csv", {}, testutil::by());
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.fields().at(0).field, "dòng 2 / Mã đơn vị");
    EXPECT_EQ(e.fields().at(0).message,
              "Không tìm thấy đơn vị \"Xứ Sở Thần Tiên\" (đơn vị từ 01/07/2025).");
  }
}

// One plan import at a time per account (plans/service.h): a second file from the same account,
// sent while the first is being checked, is refused (409); another account is not held up.
TEST(PlansImport, OneAtATimePerAccount) {
  AnalyticsWorld w;
  std::mutex m;
  std::condition_variable cv;
  bool inside = false, open = false;
  auto hold = [&](store::Connection&, const std::string&, std::optional<Date>) {
    std::unique_lock lk(m);
    inside = true;
    cv.notify_all();
    cv.wait(lk, [&] { return open; });
    return std::optional<FieldError>();
  };
  const std::string csv = "Mã đơn vị,Năm,Chỉ tiêu,Giá trị\n01,2026,bhyt_coverage,95\n";
  std::thread first(
      [&] { w.plans.import_targets(*w.db, csv, "x.csv", hold, testutil::by("cb.tinh")); });
  {
    std::unique_lock lk(m);
    cv.wait(lk, [&] { return inside; });
  }
  try {
    // Refused on entry, before it would touch the connection the first one is using.
    w.plans.import_targets(*w.db, csv, "x.csv", {}, testutil::by("cb.tinh"));
    ADD_FAILURE() << "a second import of the same account was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
    EXPECT_EQ(e.code(), "import_busy");
  }
  {
    std::lock_guard lk(m);
    open = true;
  }
  cv.notify_all();
  first.join();
  // Its import over, the account may send the next file.
  EXPECT_EQ(w.plans.import_targets(*w.db, csv, "x.csv", {}, testutil::by("cb.tinh")).written, 1);
}

}  // namespace caunoi
