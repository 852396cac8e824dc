// tests/reports/docx_test.cpp — the Word report read back with libzip and expat (docx_read.h),
// nothing of the writer: a valid OOXML package (every part present, well-formed, declared and
// reachable), laid out as Decree 30/2020 asks (A4, margins, Times New Roman 14, quốc hiệu, tiêu
// ngữ, số/ký hiệu, trích yếu, nơi nhận, signature), holding the narrative and every table cell;
// text that XML must escape survives as text.
#include <gtest/gtest.h>

#include <algorithm>

#include "analytics/world.h"
#include "reports/docx_read.h"
#include "reports/render.h"
#include "reports/report.h"

namespace caunoi {
namespace {

using testutil::AnalyticsWorld;
using testutil::DocxText;

constexpr Date kIssued{2026, 12, 7};

struct ReadBack {
  std::map<std::string, std::string> parts;
  std::map<std::string, testutil::XmlPart> xml;
  DocxText doc;
  bool has(const std::string& s) const {
    return std::any_of(doc.paragraphs.begin(), doc.paragraphs.end(),
                       [&](const std::string& p) { return p.find(s) != std::string::npos; });
  }
  bool paragraph(const std::string& s) const {
    return std::find(doc.paragraphs.begin(), doc.paragraphs.end(), s) != doc.paragraphs.end();
  }
  // The attributes of the first element of that name in a part.
  std::map<std::string, std::string> attrs(const std::string& part, const std::string& name) {
    for (const auto& e : xml[part].elements)
      if (e.name == name) return e.attrs;
    return {};
  }
};

ReadBack read_back(const std::string& bytes) {
  ReadBack r;
  r.parts = testutil::unzip_all(bytes);
  for (const auto& [name, data] : r.parts) {
    r.xml[name] = testutil::parse_xml(data);
    EXPECT_EQ(r.xml[name].error, "") << name << " is not well-formed XML";
  }
  r.doc = testutil::document_text(r.xml["word/document.xml"]);
  return r;
}

reports::Report lao_cai_report(AnalyticsWorld& w) {
  w.spread({"15"}, "2025-01..2025-10", "conference", {{"events", 1'250}, {"attendees", 61'000}});
  w.spread({"15"}, "2024-01..2024-10", "conference", {{"events", 500}, {"attendees", 20'000}});
  return reports::build_report(w.engine, "15", periods::Period::parse("2025-01..2025-10"), true);
}

TEST(DocxReport, IsAValidPackage) {
  AnalyticsWorld w;
  auto r = read_back(reports::render_docx(lao_cai_report(w), kIssued));
  for (const char* part :
       {"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
        "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml"})
    EXPECT_TRUE(r.parts.count(part)) << part;

  // Every part but [Content_Types].xml has its type, by name or by extension.
  std::map<std::string, std::string> overrides, defaults;
  for (const auto& e : r.xml["[Content_Types].xml"].elements) {
    if (e.name == "Override") overrides[e.attrs.at("PartName")] = e.attrs.at("ContentType");
    if (e.name == "Default") defaults[e.attrs.at("Extension")] = e.attrs.at("ContentType");
  }
  EXPECT_EQ(overrides["/word/document.xml"],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  EXPECT_EQ(overrides["/word/styles.xml"],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
  EXPECT_EQ(overrides["/docProps/core.xml"],
            "application/vnd.openxmlformats-package.core-properties+xml");
  EXPECT_EQ(defaults["rels"], "application/vnd.openxmlformats-package.relationships+xml");
  for (const auto& [name, data] : r.parts) {
    if (name == "[Content_Types].xml") continue;
    std::string ext = name.substr(name.rfind('.') + 1);
    EXPECT_TRUE(overrides.count("/" + name) || defaults.count(ext)) << name << " has no type";
  }
  for (const auto& [override_name, type] : overrides)
    EXPECT_TRUE(r.parts.count(override_name.substr(1))) << override_name << " is declared, absent";

  // The relationships lead to parts that exist: the document from the package, styles from it.
  auto targets = [&](const std::string& rels, const std::string& dir) {
    std::map<std::string, std::string> by_type;
    for (const auto& e : r.xml[rels].elements) {
      if (e.name != "Relationship") continue;
      std::string type = e.attrs.at("Type");
      by_type[type.substr(type.rfind('/') + 1)] = dir + e.attrs.at("Target");
      EXPECT_TRUE(r.parts.count(dir + e.attrs.at("Target")))
          << rels << " → " << e.attrs.at("Target");
    }
    return by_type;
  };
  EXPECT_EQ(targets("_rels/.rels", "")["officeDocument"], "word/document.xml");
  EXPECT_EQ(targets("word/_rels/document.xml.rels", "word/")["styles"], "word/styles.xml");
}

TEST(DocxReport, LaidOutAsAnAdministrativeDocument) {
  AnalyticsWorld w;
  auto report = lao_cai_report(w);
  ASSERT_FALSE(report.narrative.empty());
  auto r = read_back(reports::render_docx(report, kIssued));

  // A4 portrait; margins 20 mm top and bottom, 30 mm left, 15 mm right (in twips).
  auto pg = r.attrs("word/document.xml", "w:pgSz");
  EXPECT_EQ(pg["w:w"], "11906");
  EXPECT_EQ(pg["w:h"], "16838");
  auto mar = r.attrs("word/document.xml", "w:pgMar");
  EXPECT_EQ(mar["w:top"], "1134");
  EXPECT_EQ(mar["w:bottom"], "1134");
  EXPECT_EQ(mar["w:left"], "1701");
  EXPECT_EQ(mar["w:right"], "850");
  EXPECT_EQ(r.attrs("word/styles.xml", "w:rFonts")["w:ascii"], "Times New Roman");
  EXPECT_EQ(r.attrs("word/styles.xml", "w:sz")["w:val"], "28");  // 14 pt in half-points
  EXPECT_EQ(r.attrs("word/styles.xml", "w:lang")["w:val"], "vi-VN");

  // The heading: issuing body over the number, national name and motto over place and date.
  ASSERT_GE(r.doc.tables.size(), 2u + report.sections.size());
  const auto& head = r.doc.tables.front();
  EXPECT_FALSE(head.borders);
  ASSERT_EQ(head.rows.size(), 1u);
  ASSERT_EQ(head.rows[0].size(), 2u);
  const std::string& left = head.rows[0][0];
  const std::string& right = head.rows[0][1];
  EXPECT_EQ(left.find("BẢO HIỂM XÃ HỘI VIỆT NAM\nBẢO HIỂM XÃ HỘI TỈNH LÀO CAI"), 0u) << left;
  EXPECT_NE(left.find("Số:       /BC-BHXH"), std::string::npos) << left;
  EXPECT_EQ(right.find("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"), 0u)
      << right;
  EXPECT_NE(right.find("Lào Cai, ngày      tháng      năm 2026"), std::string::npos) << right;

  // Name and subject, then to whom.
  EXPECT_TRUE(r.paragraph("BÁO CÁO"));
  EXPECT_TRUE(r.paragraph(
      "Kết quả công tác truyền thông chính sách BHXH, BHTN, BHYT 10 tháng đầu năm 2025"));
  EXPECT_TRUE(r.paragraph("Kính gửi: Bảo hiểm xã hội Việt Nam."));

  // The narrative as written, and the data note.
  EXPECT_TRUE(r.paragraph(report.narrative)) << report.narrative;
  EXPECT_TRUE(r.paragraph(report.data_note));

  // Every section: its heading, then its table with the heading row repeated on each page and
  // every cell as the other renderings write it.
  for (size_t i = 0; i < report.sections.size(); ++i) {
    const auto& s = report.sections[i];
    EXPECT_TRUE(r.paragraph(std::to_string(i + 1) + ". " + s.title)) << s.title;
    const auto& t = r.doc.tables[i + 1];
    EXPECT_TRUE(t.borders);
    EXPECT_TRUE(t.header_row) << s.title;
    ASSERT_EQ(t.rows.size(), s.rows.size() + 1) << s.title;
    for (size_t c = 0; c < s.columns.size(); ++c) EXPECT_EQ(t.rows[0][c], s.columns[c].title);
    for (size_t row = 0; row < s.rows.size(); ++row)
      for (size_t c = 0; c < s.rows[row].size(); ++c)
        EXPECT_EQ(t.rows[row + 1][c], reports::cell_text(s.rows[row][c]))
            << s.title << " row " << row << " col " << c;
  }
  // The meetings of the period and the comparison, as the activity table has them.
  const auto& act = r.doc.tables[1];
  EXPECT_EQ(act.rows[1][3], "1.250");
  EXPECT_EQ(act.rows[1][5], "gấp 2,5 lần");

  // Recipients on the left, the signer on the right.
  const auto& end = r.doc.tables.back();
  EXPECT_FALSE(end.borders);
  EXPECT_EQ(end.rows[0][0], "Nơi nhận:\n- Như trên;\n- Lưu: VT, TT.");
  EXPECT_EQ(end.rows[0][1].find("GIÁM ĐỐC\n(Ký, ghi rõ họ tên)"), 0u) << end.rows[0][1];

  auto core = r.xml["docProps/core.xml"].elements;
  auto title = std::find_if(core.begin(), core.end(), [](auto& e) { return e.name == "dc:title"; });
  ASSERT_NE(title, core.end());
  EXPECT_EQ(title->text, report.title);
}

TEST(DocxReport, TextThatXmlEscapesSurvivesAsText) {
  AnalyticsWorld w;
  auto report = lao_cai_report(w);
  report.narrative =
      "Tỷ lệ \"đạt\" <90%> & 'tăng' — A&B<C>\x01\nĐoạn hai: R&D, \"x < y\" ]]> \xff hết.";
  report.sections[0].rows[0][1] = std::string("Hội nghị <trực tiếp> & \"trực tuyến\"");
  auto r = read_back(reports::render_docx(report, kIssued));
  ASSERT_FALSE(r.parts.empty());
  // A control character XML cannot hold is dropped; a line break starts a paragraph; an
  // ill-formed byte becomes U+FFFD.
  EXPECT_TRUE(r.paragraph("Tỷ lệ \"đạt\" <90%> & 'tăng' — A&B<C>"));
  EXPECT_TRUE(r.paragraph("Đoạn hai: R&D, \"x < y\" ]]> \xEF\xBF\xBD hết."));
  EXPECT_EQ(r.doc.tables[1].rows[1][1], "Hội nghị <trực tiếp> & \"trực tuyến\"");
}

TEST(DocxReport, CountryAndCommuneHeadings) {
  AnalyticsWorld w;
  auto provinces = testutil::old_provinces();
  w.spread(provinces, "2022-01..2022-10", "conference", {{"events", 143'950}});
  auto country =
      reports::build_report(w.engine, "VN", periods::Period::parse("2022-01..2022-10"), false);
  auto r = read_back(reports::render_docx(country, kIssued));
  const auto& head = r.doc.tables.front().rows[0];
  EXPECT_EQ(head[0].find("BẢO HIỂM XÃ HỘI VIỆT NAM\n"), 0u) << head[0];
  EXPECT_EQ(head[0].find("TỈNH"), std::string::npos) << head[0];
  EXPECT_NE(head[1].find("Hà Nội, ngày"), std::string::npos);
  EXPECT_FALSE(r.has("Kính gửi"));
  EXPECT_EQ(r.doc.tables.back().rows[0][1].find("TỔNG GIÁM ĐỐC"), 0u);

  // A commune of Lào Cai: the province's office reports on it, and the subject names it.
  const auto* commune = testutil::gazetteer().children("15").front();
  w.spread({commune->id}, "2025-03", "conference", {{"events", 4}});
  auto rc = reports::build_report(w.engine, commune->id, periods::Period::parse("2025-03"), false);
  auto c = read_back(reports::render_docx(rc, kIssued));
  EXPECT_NE(c.doc.tables.front().rows[0][0].find("BẢO HIỂM XÃ HỘI TỈNH LÀO CAI"),
            std::string::npos);
  EXPECT_TRUE(
      c.paragraph("Kết quả công tác truyền thông chính sách BHXH, BHTN, BHYT tháng 3/2025 "
                  "tại " +
                  rc.unit_name));
}

}  // namespace
}  // namespace caunoi
