// tests/sheets/headings_test.cpp — headings compared by their key, the table read from
// data/import/headings.csv, and the order in which an import's own headings join it.
#include <gtest/gtest.h>

#include "common/error.h"
#include "sheets/headings.h"

namespace caunoi {
namespace {

TEST(HeadingKey, FoldedWithoutPunctuation) {
  EXPECT_EQ(sheets::heading_key("Số tin, bài (*)"), "so tin bai");
  EXPECT_EQ(sheets::heading_key("  NGÀY TỔ CHỨC: "), "ngay to chuc");
  EXPECT_EQ(sheets::heading_key("date_from"), "date_from");
  EXPECT_EQ(sheets::heading_key("BHYT - hộ gia đình"), "bhyt ho gia dinh");
  EXPECT_EQ(sheets::heading_key("(*)"), "");
}

TEST(Headings, ParsedInFileOrderFirstHeadingWritten) {
  auto h = sheets::Headings::parse(
      "import,field,heading\n"
      "activities,date_from,Ngày\n"
      "activities,date_from,ngay to chuc\n"
      "activities,place,Đơn vị\n"
      "plan_targets,unit,Mã đơn vị\n");
  const auto& cols = h.columns("activities");
  ASSERT_EQ(cols.size(), 2u);
  EXPECT_EQ(cols[0].field, "date_from");
  EXPECT_EQ(cols[0].heading, "Ngày");
  EXPECT_EQ(cols[1].heading, "Đơn vị");
  EXPECT_TRUE(h.columns("people").empty());
  sheets::HeadingMap m;
  m.add(h, "activities");
  EXPECT_EQ(m.field("NGÀY TỔ CHỨC"), "date_from");
  EXPECT_EQ(m.field("Don vi"), "place");
  EXPECT_EQ(m.field("Mã đơn vị"), "");  // another import's heading
}

TEST(Headings, TheFirstFieldGivenForAKeyKeepsIt) {
  auto h = sheets::Headings::parse(
      "import,field,heading\nactivities,figures.events,so hoi nghi\nactivities,note,Ghi chú\n");
  sheets::HeadingMap m;
  m.add(h, "activities", "", "figures.");
  m.add("Số hội nghị", "figures.meetings");
  m.add(h, "activities", "figures.");
  EXPECT_EQ(m.field("Số hội nghị"), "figures.meetings");
  EXPECT_EQ(m.field("ghi chu"), "note");
}

TEST(Headings, MalformedLineIsNamed) {
  try {
    sheets::Headings::parse("import,field,heading\nactivities,note,Ghi chú\nactivities,,x\n");
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "headings_bad");
    EXPECT_NE(e.message().find("dòng 3"), std::string::npos) << e.message();
  }
}

TEST(Headings, TheProjectFileHasEveryImport) {
  auto h = sheets::Headings::of(std::filesystem::path(CAUNOI_SOURCE_DIR) / "data");
  sheets::HeadingMap acts, targets, results;
  acts.add(*h, "activities");
  targets.add(*h, "plan_targets");
  results.add(*h, "plan_results");
  EXPECT_EQ(acts.field("Ngày tổ chức"), "date_from");
  EXPECT_EQ(acts.field("Số lượt người tham dự"), "figures.attendees");
  EXPECT_EQ(targets.field("Kế hoạch"), "value");
  EXPECT_EQ(results.field("Kỳ số liệu"), "period");
  EXPECT_EQ(h->columns("activities").front().heading, "Mã tham chiếu");
  // Read once per directory.
  EXPECT_EQ(h, sheets::Headings::of(std::filesystem::path(CAUNOI_SOURCE_DIR) / "data"));
}

}  // namespace
}  // namespace caunoi
