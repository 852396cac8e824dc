// tests/fuzz/make_seeds.cpp — writes the starting corpus of the fuzzers (scripts/fuzz.sh):
// small CSV files in the shapes staff send, and .xlsx workbooks made by tabular::XlsxWriter
// (dates, numbers, shared strings, several sheets), so that mutations start from valid files.
#include <filesystem>
#include <fstream>
#include <string>

#include "tabular/xlsx_writer.h"

namespace fs = std::filesystem;
using namespace caunoi;

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  fs::path csv_dir = argv[1], xlsx_dir = argv[2];
  fs::create_directories(csv_dir);
  fs::create_directories(xlsx_dir);
  const char* csvs[] = {
      "\xEF\xBB\xBFNgày;Đơn vị;Loại hoạt động;Số cuộc;Số lượt người tham dự\n"
      "15/03/2022;old:15;Hội nghị truyền thông;1;120\n16/03/2022;15;small_group;2;\"1.200\"\n",
      "Mã tham chiếu,Ngày,Đơn vị,Loại hoạt động,Kênh,Số tin, bài đăng tải,Ngôn ngữ\n"
      "A1,2022-05-01,\"Minh Bảo, Yên Bái\",online_post,Zalo,3,Tiếng Mông; Dao\n"
      "A2,02/09/2025,15,Đăng tải trên cổng TTĐT,facebook,-1,\n",
      "ngay,don vi,loai hoat dong,so luot phat thanh\n01/01/2023,old:04270,loudspeaker,5\n"
      "\"q\"\"uote\",\"multi\nline\",x,y\n",
  };
  int i = 0;
  for (const char* c : csvs) std::ofstream(csv_dir / ("seed" + std::to_string(i++) + ".csv")) << c;
  for (int k = 0; k < 3; ++k) {
    tabular::XlsxWriter w;
    auto& s = w.add_sheet(k == 0 ? "Hoạt động" : "Sheet1");
    s.texts(0, {"Ngày", "Đơn vị", "Loại hoạt động", "Số cuộc", "Số lượt người tham dự"},
            tabular::Style::header);
    for (int r = 1; r <= 3 + k * 5; ++r) {
      s.date(r, 0, Date{2022, 3, r});
      s.text(r, 1, r % 2 ? "old:15" : "Yên Bái");
      s.text(r, 2, "Hội nghị truyền thông");
      s.number(r, 3, 1);
      s.number(r, 4, 10.0 * r + k, tabular::Style::decimal1);
    }
    if (k == 2) w.add_sheet("Danh mục").text(0, 0, "conference");
    std::string bytes = w.finish();
    std::ofstream(xlsx_dir / ("seed" + std::to_string(k) + ".xlsx"), std::ios::binary) << bytes;
  }
  return 0;
}
