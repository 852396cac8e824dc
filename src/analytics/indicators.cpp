// analytics/indicators.cpp — the table of indicators. Adding one is adding a row here; the
// engine, the API listing, reports and targets pick it up from this table.
#include "analytics/indicators.h"

#include <cctype>

#include "common/error.h"

namespace caunoi::analytics {
namespace {

const std::vector<std::string> kMeetingKinds = {"conference", "customer_conference", "dialogue",
                                                "consultation", "small_group"};

Indicator activity(std::string code, std::string label, std::string unit, std::string figure,
                   std::vector<std::string> kinds, std::string narrative,
                   std::string category = "activity") {
  Indicator i;
  i.code = std::move(code);
  i.label = std::move(label);
  i.unit = std::move(unit);
  i.figure = std::move(figure);
  i.kinds = std::move(kinds);
  i.narrative = std::move(narrative);
  i.category = std::move(category);
  return i;
}

Indicator participation(std::string code, std::string label, std::string unit,
                        std::vector<std::string> num, std::vector<std::string> den = {},
                        double factor = 1, int decimals = 0, std::string narrative = "") {
  Indicator i;
  i.code = std::move(code);
  i.label = std::move(label);
  i.unit = std::move(unit);
  i.source = Source::participation;
  i.numerator = std::move(num);
  i.denominator = std::move(den);
  i.factor = factor;
  i.decimals = decimals;
  i.narrative = std::move(narrative);
  i.category = "participation";
  return i;
}

std::vector<Indicator> build() {
  std::vector<Indicator> v = {
      activity("meetings",
               "Hội nghị truyền thông, khách hàng, tư vấn, đối thoại, truyền thông nhóm nhỏ",
               "cuộc", "events", kMeetingKinds,
               "hội nghị truyền thông trực tiếp và trực tuyến, tư vấn, đối thoại, khách hàng, "
               "truyền thông nhóm nhỏ"),
      activity("meeting_attendees", "Lượt người tham dự hội nghị, tư vấn, đối thoại, nhóm nhỏ",
               "lượt người", "attendees", kMeetingKinds, "lượt người tham dự"),
      activity("loudspeaker_broadcasts", "Lượt phát thanh trên hệ thống loa truyền thanh cơ sở",
               "lượt", "broadcasts", {"loudspeaker"},
               "lượt truyền thông qua hệ thống loa truyền thanh cơ sở"),
      activity("press_items", "Tin, bài, phóng sự trên báo chí, phát thanh, truyền hình",
               "tin, bài", "items", {"press_item"},
               "tin, bài, phóng sự,... trên các cơ quan truyền thông báo chí"),
      activity("online_posts", "Tin, bài, video đăng tải trên cổng TTĐT, mạng xã hội", "tin, bài",
               "posts", {"online_post"},
               "tin, bài, video, infographic,... đăng tải trên Cổng Thông tin điện tử, các trang "
               "fanpage, zalo, youtube"),
      activity("online_views", "Lượt xem trên cổng TTĐT, mạng xã hội, tọa đàm trực tuyến",
               "lượt", "views", {"online_post", "online_forum"}, "lượt xem"),
      activity("online_shares", "Lượt chia sẻ trên mạng xã hội", "lượt", "shares",
               {"online_post"}, "lượt chia sẻ"),
      activity("campaign_launches", "Lễ ra quân truyền thông, vận động", "cuộc", "events",
               {"campaign_launch"},
               "cuộc ra quân truyền thông, vận động người tham gia BHXH tự nguyện, BHYT hộ gia "
               "đình"),
      activity("people_reached", "Người được tuyên truyền, vận động tại lễ ra quân", "người",
               "people_reached", {"campaign_launch"}, "người được tuyên truyền, vận động"),
      activity("online_forums", "Buổi tọa đàm, giao lưu trực tuyến", "buổi", "sessions",
               {"online_forum"}, "buổi tọa đàm, giao lưu trực tuyến"),
      activity("printed_copies", "Ấn phẩm truyền thông phát hành", "bản", "copies", {"printed"},
               "ấn phẩm truyền thông (tờ rơi, tờ gấp, sổ tay,...)"),
      activity("questions_answered", "Câu hỏi được giải đáp", "câu hỏi", "questions", {},
               "câu hỏi được giải đáp"),
      activity("hotline_calls", "Cuộc gọi tư vấn qua tổng đài", "cuộc gọi", "calls", {"hotline"},
               "cuộc gọi được tư vấn qua tổng đài"),
      activity("contest_entries", "Bài dự thi", "bài", "entries", {"contest"}, "bài dự thi"),
      activity("activities", "Tổng số hoạt động truyền thông", "hoạt động", "records", {},
               "hoạt động truyền thông"),
  };
  // One indicator per activity kind, by its main figure.
  struct KindRow {
    const char* kind;
    const char* label;
    const char* unit;
    const char* figure;
  };
  const KindRow kinds[] = {
      {"conference", "Hội nghị truyền thông", "cuộc", "events"},
      {"customer_conference", "Hội nghị khách hàng", "cuộc", "events"},
      {"dialogue", "Đối thoại", "cuộc", "events"},
      {"consultation", "Tư vấn trực tiếp", "cuộc", "events"},
      {"small_group", "Truyền thông nhóm nhỏ", "cuộc", "events"},
      {"campaign_launch", "Lễ ra quân", "cuộc", "events"},
      {"online_forum", "Tọa đàm, giao lưu trực tuyến", "buổi", "sessions"},
      {"loudspeaker", "Phát thanh loa truyền thanh cơ sở", "lượt", "broadcasts"},
      {"press_item", "Tin, bài, phóng sự trên báo chí, phát thanh, truyền hình", "tin, bài",
       "items"},
      {"online_post", "Đăng tải trên cổng TTĐT, mạng xã hội", "tin, bài", "posts"},
      {"printed", "Ấn phẩm (tờ rơi, tờ gấp, pano, áp phích, sổ tay)", "loại", "items"},
      {"contest", "Cuộc thi", "cuộc", "events"},
      {"hotline", "Tư vấn qua tổng đài", "cuộc gọi", "calls"},
  };
  for (const auto& k : kinds) {
    std::string label = k.label;
    std::string narrative = label;
    if (narrative.starts_with("Đ")) narrative.replace(0, 2, "đ");
    else narrative[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(narrative[0])));
    v.push_back(activity(std::string("kind.") + k.kind, label, k.unit, k.figure, {k.kind},
                         narrative, "kind"));
  }
  v.push_back(participation("bhxh_participants", "Số người tham gia BHXH", "người",
                            {"bhxh_compulsory", "bhxh_voluntary"}, {}, 1, 0,
                            "người tham gia BHXH"));
  v.push_back(participation("bhxh_compulsory", "Số người tham gia BHXH bắt buộc", "người",
                            {"bhxh_compulsory"}, {}, 1, 0, "người tham gia BHXH bắt buộc"));
  v.push_back(participation("bhxh_voluntary", "Số người tham gia BHXH tự nguyện", "người",
                            {"bhxh_voluntary"}, {}, 1, 0, "người tham gia BHXH tự nguyện"));
  v.push_back(participation("bhtn", "Số người tham gia BHTN", "người", {"bhtn"}, {}, 1, 0,
                            "người tham gia BHTN"));
  v.push_back(participation("bhyt", "Số người tham gia BHYT", "người", {"bhyt"}, {}, 1, 0,
                            "người tham gia BHYT"));
  v.push_back(participation("bhyt_coverage", "Tỷ lệ bao phủ BHYT", "% dân số", {"bhyt"},
                            {"population"}, 100, 2, "dân số"));
  v.push_back(participation("bhxh_labour_share", "Tỷ lệ tham gia BHXH so với lực lượng lao động",
                            "% lực lượng lao động", {"bhxh_compulsory", "bhxh_voluntary"},
                            {"labour_force"}, 100, 2, "lực lượng lao động trong độ tuổi"));
  v.push_back(participation("bhxh_voluntary_share",
                            "Tỷ lệ tham gia BHXH tự nguyện so với lực lượng lao động",
                            "% lực lượng lao động", {"bhxh_voluntary"}, {"labour_force"}, 100, 2,
                            "lực lượng lao động trong độ tuổi"));
  v.push_back(participation("bhtn_labour_share", "Tỷ lệ tham gia BHTN so với lực lượng lao động",
                            "% lực lượng lao động", {"bhtn"}, {"labour_force"}, 100, 2,
                            "lực lượng lao động trong độ tuổi"));
  v.push_back(participation("population", "Dân số", "người", {"population"}));
  v.push_back(participation("labour_force", "Lực lượng lao động trong độ tuổi", "người",
                            {"labour_force"}));
  return v;
}

}  // namespace

const std::vector<Indicator>& indicators() {
  static const std::vector<Indicator> all = build();
  return all;
}

const Indicator* find_indicator(std::string_view code) {
  for (const auto& i : indicators())
    if (i.code == code) return &i;
  return nullptr;
}

const Indicator& get_indicator(std::string_view code) {
  if (const auto* i = find_indicator(code)) return *i;
  std::string list;
  for (const auto& i : indicators())
    if (i.category != "kind") list += (list.empty() ? "" : ", ") + i.code;
  throw invalid("unknown_indicator", "Không có chỉ tiêu \"" + std::string(code) +
                                         "\". Các chỉ tiêu: " + list + ", kind.<loại hoạt động>.",
                {{"indicator", "Chỉ tiêu không tồn tại", 0}});
}

std::optional<std::string> target_indicator(std::string_view code) {
  if (find_indicator(code)) return std::string(code);
  std::string k = "kind." + std::string(code);
  if (find_indicator(k)) return k;
  return std::nullopt;
}

}  // namespace caunoi::analytics
