// tests/reports/narrative_test.cpp — the drafted paragraph rebuilt from inserted data: the
// opening of dispatch 3371/BHXH-TT (10 months of 2022 against 2021), and the participation
// sentences of the seeds (national Q1/2022, Đắk Lắk 2022).
#include <gtest/gtest.h>

#include "analytics/world.h"
#include "reports/narrative.h"
#include "reports/wording.h"

namespace caunoi {
namespace {

using testutil::AnalyticsWorld;

TEST(Wording, ApproximateAmounts) {
  EXPECT_EQ(reports::approx_vi(577), "577");
  EXPECT_EQ(reports::approx_vi(143'950), "khoảng 144.000");
  EXPECT_EQ(reports::approx_vi(1'998'000), "khoảng 2 triệu");
  EXPECT_EQ(reports::approx_vi(864'215), "trên 864.200");
  EXPECT_EQ(reports::approx_vi(15'004), "trên 15.000");
  EXPECT_EQ(reports::approx_vi(106'700), "gần 107.000");
  EXPECT_EQ(reports::approx_vi(106'400), "106.400");
  EXPECT_EQ(reports::approx_vi(16'415'000), "trên 16,4 triệu");
  EXPECT_EQ(reports::approx_vi(1'283'000), "trên 1,28 triệu");
  EXPECT_EQ(reports::approx_vi(15'000), "15.000");
  EXPECT_EQ(reports::approx_vi(880), "880");
}

TEST(Wording, Ratios) {
  EXPECT_EQ(reports::ratio_vi(143'950, 49'638), "gấp 2,9 lần");
  EXPECT_EQ(reports::ratio_vi(159, 100), "gấp 1,6 lần");
  EXPECT_EQ(reports::ratio_vi(157, 100), "gấp gần 1,6 lần");
  EXPECT_EQ(reports::ratio_vi(118, 100), "tăng 18%");
  EXPECT_EQ(reports::ratio_vi(93, 100), "giảm 7%");
  EXPECT_EQ(reports::ratio_vi(1045, 1000), "tăng 4,5%");
  EXPECT_EQ(reports::ratio_vi(100, 100), "bằng");
  EXPECT_EQ(reports::points_vi(92.27, 91.01), "tăng 1,26 điểm phần trăm");
}

// The national activity figures of dispatch 3371, spread over the 63 provinces and ten months.
void dispatch_3371_data(AnalyticsWorld& w) {
  auto provinces = testutil::old_provinces();
  const char* ytd22 = "2022-01..2022-10";
  const char* ytd21 = "2021-01..2021-10";
  w.spread(provinces, ytd22, "conference", {{"events", 60'000}, {"attendees", 900'000}});
  w.spread(provinces, ytd22, "small_group", {{"events", 83'950}, {"attendees", 1'098'000}});
  w.spread(provinces, ytd21, "conference", {{"events", 20'000}, {"attendees", 310'000}});
  w.spread(provinces, ytd21, "dialogue", {{"events", 29'638}, {"attendees", 400'000}});
  w.spread(provinces, ytd22, "loudspeaker", {{"broadcasts", 864'215}});
  w.spread(provinces, ytd21, "loudspeaker", {{"broadcasts", 540'134}});
  w.spread(provinces, ytd22, "press_item", {{"items", 15'004}});
  w.spread(provinces, ytd21, "press_item", {{"items", 12'715}});
  w.spread(provinces, ytd22, "online_post", {{"posts", 734'050}, {"views", 9'000'000}});
  // November is outside the period and must not count.
  w.spread(provinces, "2022-11", "conference", {{"events", 5'000}, {"attendees", 70'000}});
}

TEST(Narrative, OpeningOfDispatch3371) {
  AnalyticsWorld w;
  dispatch_3371_data(w);
  const auto& vn = testutil::gazetteer().get("VN");
  auto s =
      reports::activity_sentence(w.engine, vn, periods::Period::parse("2022-01..2022-10"), true);
  EXPECT_EQ(s,
            "Đến hết tháng 10/2022, toàn quốc đã tổ chức khoảng 144.000 hội nghị truyền thông "
            "trực tiếp và trực tuyến, tư vấn, đối thoại, khách hàng, truyền thông nhóm nhỏ, gấp "
            "2,9 lần so với cùng kỳ năm 2021, với khoảng 2 triệu lượt người tham dự; trên 864.200 "
            "lượt truyền thông qua hệ thống loa truyền thanh cơ sở, gấp 1,6 lần so với cùng kỳ "
            "năm 2021; trên 15.000 tin, bài, phóng sự,... trên các cơ quan truyền thông báo chí, "
            "tăng 18% so với cùng kỳ năm 2021; trên 734.000 tin, bài, video, infographic,... đăng "
            "tải trên Cổng Thông tin điện tử, các trang fanpage, zalo, youtube.");
}

TEST(Narrative, ProvinceWithoutComparison) {
  AnalyticsWorld w;
  w.spread({"old:15"}, "2022-03", "small_group", {{"events", 577}, {"attendees", 2837}});
  const auto& yb = testutil::gazetteer().get("old:15");
  EXPECT_EQ(reports::activity_sentence(w.engine, yb, periods::Period::parse("2022-03"), false),
            "Trong tháng 3/2022, tỉnh Yên Bái đã tổ chức 577 hội nghị truyền thông trực tiếp và "
            "trực tuyến, tư vấn, đối thoại, khách hàng, truyền thông nhóm nhỏ, với khoảng 2.840 "
            "lượt người tham dự.");
  // Nothing recorded: nothing said.
  EXPECT_EQ(reports::narrative(w.engine, yb, periods::Period::parse("2023"), true), "");
}

TEST(Narrative, ParticipationSentences) {
  AnalyticsWorld w;
  w.plans.put_result(*w.db,
                     {"old:66",
                      "2022-12",
                      {},
                      {{"bhxh_compulsory", "", 106'700},
                       {"bhxh_voluntary", "", 18'004},
                       {"bhyt", "", 1'604'000},
                       {"population", "", 1'738'377},
                       {"labour_force", "", 1'050'000}}},
                     testutil::by());
  w.plans.put_target(*w.db, {0, "old:66", 2022, "bhyt_coverage", "", 91.75, ""}, testutil::by());
  const auto& dl = testutil::gazetteer().get("old:66");
  EXPECT_EQ(reports::participation_sentence(w.engine, dl, periods::Period::parse("2022"), false),
            "Tính đến hết năm 2022, tại tỉnh Đắk Lắk, số người tham gia BHXH là gần 125.000 "
            "người, đạt 11,88% lực lượng lao động trong độ tuổi (trong đó có: gần 107.000 người "
            "tham gia BHXH bắt buộc, trên 18.000 người tham gia BHXH tự nguyện); số người tham "
            "gia BHYT là trên 1,6 triệu người, đạt tỷ lệ bao phủ 92,27% dân số, vượt chỉ tiêu "
            "được giao (91,75%).");

  AnalyticsWorld n;
  n.plans.put_result(*n.db,
                     {"VN",
                      "2022Q1",
                      {},
                      {{"bhxh_compulsory", "", 15'130'000},
                       {"bhxh_voluntary", "", 1'283'000},
                       {"labour_force", "", 50'548'198}}},
                     testutil::by());
  const auto& vn = testutil::gazetteer().get("VN");
  EXPECT_EQ(reports::participation_sentence(n.engine, vn, periods::Period::parse("2022Q1"), false),
            "Tính đến hết quý I/2022, số người tham gia BHXH là trên 16,4 triệu người, đạt 32,47% "
            "lực lượng lao động trong độ tuổi (trong đó có: trên 15,1 triệu người tham gia BHXH "
            "bắt buộc, trên 1,28 triệu người tham gia BHXH tự nguyện).");
}

}  // namespace
}  // namespace caunoi
