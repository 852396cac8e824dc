// tests/reports/docx_api_test.cpp — GET /api/v1/reports/docx with auth enforced: a province
// officer gets the Word report of the province, named for it, and not another province's; the
// XLSX keeps the same name and the same scope.
#include <gtest/gtest.h>

#include "auth/auth_world.h"
#include "reports/docx_read.h"
#include "tabular/docx_writer.h"
#include "tabular/xlsx_writer.h"

namespace caunoi {
namespace {

std::string header(const api::Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

TEST(DocxReportApi, OwnProvinceOnly) {
  testutil::AuthWorld w;
  auto officer = w.token_caller(w.add_user("cb.laocai", "province_staff", w.province));

  auto own = w.call(officer, "GET", "/api/v1/reports/docx",
                    {{"unit", w.province}, {"period", "2025"}, {"compare", "last-year"}});
  ASSERT_EQ(own.status, 200) << own.body.substr(0, 300);
  EXPECT_EQ(own.content_type, tabular::kDocxMime);
  EXPECT_EQ(header(own, "Content-Disposition"),
            "attachment; filename=\"bao-cao-lao-cai-2025.docx\"");
  auto parts = testutil::unzip_all(own.body);
  ASSERT_TRUE(parts.count("word/document.xml"));
  auto doc = testutil::parse_xml(parts["word/document.xml"]);
  EXPECT_EQ(doc.error, "");
  auto text = testutil::document_text(doc);
  ASSERT_FALSE(text.tables.empty());
  EXPECT_NE(text.tables[0].rows[0][0].find("BẢO HIỂM XÃ HỘI TỈNH LÀO CAI"), std::string::npos);

  auto xlsx =
      w.call(officer, "GET", "/api/v1/reports/xlsx", {{"unit", w.province}, {"period", "2025"}});
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.content_type, tabular::kXlsxMime);
  EXPECT_EQ(header(xlsx, "Content-Disposition"),
            "attachment; filename=\"bao-cao-lao-cai-2025.xlsx\"");

  for (const char* path : {"/api/v1/reports/docx", "/api/v1/reports/xlsx"}) {
    auto other = w.call(officer, "GET", path, {{"unit", w.other_province}, {"period", "2025"}});
    EXPECT_EQ(other.status, 403) << path << " " << other.body;
    EXPECT_NE(other.content_type, tabular::kDocxMime);
    auto national = w.call(officer, "GET", path, {{"period", "2025"}});  // unit=VN by default
    EXPECT_EQ(national.status, 403) << path << " " << national.body;
  }
  auto anonymous = w.call(testutil::Caller{}, "GET", "/api/v1/reports/docx",
                          {{"unit", w.province}, {"period", "2025"}});
  EXPECT_EQ(anonymous.status, 401);
}

}  // namespace
}  // namespace caunoi
