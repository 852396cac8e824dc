// tests/sheets/alias_test.cpp — a heading alias written only in data/import/headings.csv is
// recognised by the activities import and by the plans import alike, and a short name written
// only in data/import/short_names.csv names a kind or a channel: no code names them.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>

#include "activities/fixture.h"
#include "analytics/world.h"
#include "common/error.h"
#include "sheets/headings.h"
#include "tabular/csv_reader.h"

namespace caunoi {
namespace {

namespace fs = std::filesystem;
using testutil::ActivitiesTest;

// CAUNOI_DATA_DIR pointing at a copy of data/import/ with lines added to one of its tables, for
// the scope of the test (the imports read the data directory's tables when they start).
class DataDirWith {
 public:
  DataDirWith(std::string_view table, const std::string& extra_lines) {
    fs::create_directories(dir_.path / "import");
    for (std::string_view file :
         {sheets::Headings::kHeadingsFile, sheets::Headings::kShortNamesFile}) {
      std::ofstream out(dir_.path / "import" / file, std::ios::binary);
      out << tabular::read_file(fs::path(CAUNOI_SOURCE_DIR) / "data" / "import" / file)
          << (file == table ? extra_lines : "");
    }
    if (const char* v = std::getenv("CAUNOI_DATA_DIR")) before_ = v;
    setenv("CAUNOI_DATA_DIR", dir_.path.c_str(), 1);
  }
  ~DataDirWith() {
    if (before_)
      setenv("CAUNOI_DATA_DIR", before_->c_str(), 1);
    else
      unsetenv("CAUNOI_DATA_DIR");
  }

 private:
  struct Dir {
    fs::path path =
        fs::temp_directory_path() / ("caunoi-headings-" + std::to_string(::getpid()) + "-" +
                                     std::to_string(reinterpret_cast<uintptr_t>(this)));
    ~Dir() { fs::remove_all(path); }
  } dir_;
  std::optional<std::string> before_;
};

// "Địa phương" heads the unit column of both files; "Mức giao" the value of a target.
// `csv` imported as a file of that name.
activities::ImportReport import_csv(activities::Service& svc, store::Connection& c,
                                    const std::string& csv) {
  activities::ImportOptions opt;
  opt.filename = "x.csv";
  return svc.import_file(c, csv, opt);
}

const char* kExtra =
    "activities,place,Địa phương\n"
    "plan_targets,unit,Địa phương\n"
    "plan_targets,value,Mức giao\n";

TEST_F(ActivitiesTest, AnAliasOnlyInTheDataFileHeadsAnActivitiesColumn) {
  std::string csv =
      "Ngày,Địa phương,Loại hoạt động,Số cuộc,Số lượt người tham dự\n"
      "15/03/2022,\"Minh Bảo, Yên Bái\",Hội nghị truyền thông,1,40\n";
  auto plain = import_csv(*svc_, *c_, csv);
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.errors.at(0).column, "Địa phương");

  DataDirWith data(sheets::Headings::kHeadingsFile, kExtra);
  auto rep = import_csv(*svc_, *c_, csv);
  ASSERT_TRUE(rep.ok()) << rep.errors.at(0).column << ": " << rep.errors.at(0).message;
  EXPECT_EQ(rep.inserted, 1);
}

// "HNTT" and "Trang tin" are nobody's code, label or short name until a line says so.
TEST_F(ActivitiesTest, AShortNameOnlyInTheDataFileNamesAKindAndAChannel) {
  std::string csv =
      "Ngày,Đơn vị,Loại hoạt động,Kênh,Số cuộc,Số lượt người tham dự,posts\n"
      "15/03/2022,old:04270,HNTT,,1,40,\n"
      "16/03/2022,old:04270,Đăng tải,Trang tin,,,2\n";
  auto plain = import_csv(*svc_, *c_, csv);
  ASSERT_FALSE(plain.ok());
  ASSERT_EQ(plain.errors.size(), 2u);
  EXPECT_EQ(plain.errors.at(0).column, "Loại hoạt động");
  EXPECT_EQ(plain.errors.at(1).column, "Kênh");

  DataDirWith data(sheets::Headings::kShortNamesFile,
                   "kind,conference,HNTT\nchannel,portal,trang tin\n");
  auto rep = import_csv(*svc_, *c_, csv);
  ASSERT_TRUE(rep.ok()) << rep.errors.at(0).column << ": " << rep.errors.at(0).message;
  EXPECT_EQ(rep.inserted, 2);
  auto page = svc_->list(*c_, {}, {});
  std::set<std::pair<std::string, std::string>> got;
  for (const auto& a : page.items) got.emplace(a.kind, a.channel);
  EXPECT_TRUE(got.contains({"conference", ""}));
  EXPECT_TRUE(got.contains({"online_post", "portal"}));
}

TEST(PlansAlias, AnAliasOnlyInTheDataFileHeadsATargetsColumn) {
  testutil::AnalyticsWorld w;
  std::string csv = "Địa phương,Năm,Chỉ tiêu,Mức giao\nold:66,2022,bhyt_coverage,\"91,75\"\n";
  try {
    w.plans.import_targets(*w.db, csv, "x.csv", {}, testutil::by());
    FAIL() << "the standard headings do not know \"Địa phương\"";
  } catch (const Error& e) {
    EXPECT_EQ(e.fields().at(0).field, "header / unit");
    EXPECT_EQ(e.fields().at(0).message, "Thiếu cột bắt buộc \"Mã đơn vị\"");
  }

  DataDirWith data(sheets::Headings::kHeadingsFile, kExtra);
  auto s = w.plans.import_targets(*w.db, csv, "x.csv", {}, testutil::by());
  EXPECT_EQ(s.written, 1);
  auto ts = w.plans.targets(*w.db, "old:66", 2022);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_DOUBLE_EQ(ts[0].value, 91.75);
}

}  // namespace
}  // namespace caunoi
