// tests/sheets/alias_test.cpp — a heading alias written only in data/import/headings.csv is
// recognised by the activities import and by the plans import alike: no code names it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "activities/fixture.h"
#include "analytics/world.h"
#include "common/error.h"
#include "tabular/csv_reader.h"

namespace caunoi {
namespace {

namespace fs = std::filesystem;
using testutil::ActivitiesTest;

// CAUNOI_DATA_DIR pointing at a copy of data/import/headings.csv with lines added, for the
// scope of the test (the imports read the data directory's table when they start).
class DataDirWithHeadings {
 public:
  explicit DataDirWithHeadings(const std::string& extra_lines) {
    fs::create_directories(dir_.path / "import");
    std::ofstream out(dir_.path / "import" / "headings.csv", std::ios::binary);
    out << tabular::read_file(fs::path(CAUNOI_SOURCE_DIR) / "data" / "import" / "headings.csv")
        << extra_lines;
    if (const char* v = std::getenv("CAUNOI_DATA_DIR")) before_ = v;
    setenv("CAUNOI_DATA_DIR", dir_.path.c_str(), 1);
  }
  ~DataDirWithHeadings() {
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
const char* kExtra =
    "activities,place,Địa phương\n"
    "plan_targets,unit,Địa phương\n"
    "plan_targets,value,Mức giao\n";

TEST_F(ActivitiesTest, AnAliasOnlyInTheDataFileHeadsAnActivitiesColumn) {
  std::string csv =
      "Ngày,Địa phương,Loại hoạt động,Số cuộc,Số lượt người tham dự\n"
      "15/03/2022,\"Minh Bảo, Yên Bái\",Hội nghị truyền thông,1,40\n";
  activities::ImportOptions opt;
  opt.filename = "x.csv";
  auto plain = svc_->import_file(*c_, csv, opt);
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.errors.at(0).column, "Địa phương");

  DataDirWithHeadings data(kExtra);
  auto rep = svc_->import_file(*c_, csv, opt);
  ASSERT_TRUE(rep.ok()) << rep.errors.at(0).column << ": " << rep.errors.at(0).message;
  EXPECT_EQ(rep.inserted, 1);
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

  DataDirWithHeadings data(kExtra);
  auto s = w.plans.import_targets(*w.db, csv, "x.csv", {}, testutil::by());
  EXPECT_EQ(s.written, 1);
  auto ts = w.plans.targets(*w.db, "old:66", 2022);
  ASSERT_EQ(ts.size(), 1u);
  EXPECT_DOUBLE_EQ(ts[0].value, 91.75);
}

}  // namespace
}  // namespace caunoi
