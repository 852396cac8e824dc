// tests/sheets/units_test.cpp — a unit named in a cell, for the row's date: codes that repeat
// across the reform, names with their ancestors, zeros Excel dropped, and the two code rules.
#include <gtest/gtest.h>

#include <map>

#include "analytics/world.h"
#include "common/error.h"
#include "places/unit_arg.h"
#include "sheets/units.h"

namespace caunoi {
namespace {

using sheets::CodeRule;
const Date kOld{2022, 3, 15}, kNew{2025, 9, 2};

TEST(UnitCells, ByDateACodeMeansTheUnitOfThatDay) {
  sheets::UnitCells u(testutil::gazetteer(), CodeRule::by_date);
  EXPECT_EQ(u.resolve("15", kOld).id, "old:15");  // Yên Bái
  EXPECT_EQ(u.resolve("15", kNew).id, "15");      // Lào Cai
  EXPECT_EQ(u.resolve("old:15", kNew).id, "old:15");
  EXPECT_EQ(u.resolve("1", kNew).id, "01");  // Excel dropped the zero
  const auto& four = u.resolve("4", kNew);   // Cao Bằng 04 or the commune 00004
  EXPECT_EQ(four.id, "");
  EXPECT_NE(four.error.find("Có thể Excel đã bỏ số 0"), std::string::npos) << four.error;
  EXPECT_NE(u.resolve("99999", kNew).error.find("vào ngày 02/09/2025"), std::string::npos);
}

TEST(UnitCells, NamesInTheEraOfTheDateWithAncestors) {
  sheets::UnitCells u(testutil::gazetteer(), CodeRule::by_date);
  const auto& yb = u.resolve("Yên Bái", kOld);
  EXPECT_EQ(yb.id, "old:15");  // the province, not the town or a ward of that name
  EXPECT_EQ(yb.province, "old:15");
  const auto& mb = u.resolve("Minh Bảo, Yên Bái", kOld);
  EXPECT_EQ(mb.id, "old:04270");
  EXPECT_EQ(mb.province, "old:15");
  EXPECT_EQ(u.resolve("yen bai", kOld).id, "old:15");
  EXPECT_NE(u.resolve("Không Có Nơi Này", kNew).error.find("(đơn vị từ 01/07/2025)"),
            std::string::npos);
}

TEST(UnitCells, SeveralUnitsOfOneNameAtOneTierAreRefusedWithCandidates) {
  const auto& g = testutil::gazetteer();
  std::map<std::string, int> communes;  // a current commune name borne by two communes
  std::string twice;
  for (size_t i = 0; i < g.size() && twice.empty(); ++i) {
    const auto& unit = g.at(static_cast<uint32_t>(i));
    if (unit.era == places::Era::current && unit.level == places::Level::commune &&
        ++communes[unit.folded_full] == 2)
      twice = unit.full_name;
  }
  ASSERT_FALSE(twice.empty());
  sheets::UnitCells u(g, CodeRule::by_date);
  const auto& r = u.resolve(twice, kNew);
  EXPECT_EQ(r.id, "");
  EXPECT_NE(r.error.find("Có nhiều đơn vị tên"), std::string::npos) << r.error;
  EXPECT_NE(r.error.find("(mã "), std::string::npos) << r.error;
}

// A name two current communes of different provinces bear is refused alike by a cell and by a
// command-line option (places/names.h), and taken by both once its province follows a comma.
TEST(UnitNames, OneRuleForCellsAndTheCommandLine) {
  const auto& g = testutil::gazetteer();
  std::map<std::string, int> named, named_in_province;
  auto current_commune = [](const places::Unit& u) {
    return u.era == places::Era::current && u.level == places::Level::commune;
  };
  for (size_t i = 0; i < g.size(); ++i) {
    const auto& unit = g.at(static_cast<uint32_t>(i));
    if (!current_commune(unit)) continue;
    ++named[unit.folded_full];
    ++named_in_province[unit.folded_full + "|" + unit.parent_id];
  }
  const places::Unit* twin = nullptr;  // its name is borne elsewhere, but not in its province
  for (size_t i = 0; i < g.size() && !twin; ++i) {
    const auto& unit = g.at(static_cast<uint32_t>(i));
    if (current_commune(unit) && named[unit.folded_full] > 1 &&
        named_in_province[unit.folded_full + "|" + unit.parent_id] == 1)
      twin = &unit;
  }
  ASSERT_TRUE(twin);
  sheets::UnitCells cells(g, CodeRule::by_date);
  EXPECT_EQ(cells.resolve(twin->full_name, kNew).id, "");
  try {
    places::unit_from_text(g, twin->full_name);
    FAIL() << "expected ambiguous_unit";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "ambiguous_unit");
  }
  std::string with_province = twin->full_name + ", " + g.current_province_of(twin->id).name;
  EXPECT_EQ(places::unit_from_text(g, with_province).id, twin->id);
  EXPECT_EQ(cells.resolve(with_province, kNew).id, twin->id);
}

TEST(UnitCells, AsIdABareCodeIsACurrentUnitAndNamesFollowTheDate) {
  sheets::UnitCells u(testutil::gazetteer(), CodeRule::as_id);
  EXPECT_EQ(u.resolve("15", kOld).id, "15");
  EXPECT_EQ(u.resolve("old:4270", kOld).id, "old:04270");
  EXPECT_EQ(u.resolve("Yên Bái", Date{2022, 12, 31}).id, "old:15");
  EXPECT_EQ(u.resolve("Lào Cai", Date{2026, 12, 31}).id, "15");
  // Two digits are a province code: the district 099 is named, not taken.
  const auto& r = u.resolve("old:99", kOld);
  EXPECT_EQ(r.id, "");
  EXPECT_TRUE(r.error.starts_with("Không có đơn vị hành chính mã \"old:99\".")) << r.error;
  EXPECT_NE(r.error.find("099 là Huyện Tuần Giáo"), std::string::npos) << r.error;
}

}  // namespace
}  // namespace caunoi
