// tests/reports/docx_test.cpp — the Word report read back with libzip and expat (docx_read.h),
// nothing of the writer: a valid OOXML package (every part present, well-formed, declared and
// reachable), laid out as Decree 30/2020 asks (A4, margins, Times New Roman 14, quốc hiệu, tiêu
// ngữ, số/ký hiệu, trích yếu, nơi nhận, signature, page numbers from the second page), holding
// the narrative, the reform note and every table cell; text that XML must escape survives as text.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

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

  // The narrative as written, the data note, and what Lào Cai covered before the reform (the
  // period is of 2025, from January), before the first table of figures.
  EXPECT_TRUE(r.paragraph(report.narrative)) << report.narrative;
  EXPECT_TRUE(r.paragraph(report.data_note));
  const std::string reform =
      "Số liệu trước ngày sắp xếp đơn vị hành chính (01/07/2025) tính theo địa bàn hiện nay: tỉnh "
      "Lào Cai, gồm tỉnh Lào Cai và tỉnh Yên Bái trước 01/07/2025.";
  auto at = [&](const std::string& s) {
    return std::find(r.doc.paragraphs.begin(), r.doc.paragraphs.end(), s) -
           r.doc.paragraphs.begin();
  };
  ASSERT_TRUE(r.paragraph(reform));
  EXPECT_LT(at(reform), at("1. " + report.sections[0].title));

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

// Decree 30/2020: page numbers centred at the top, from the second page. The header part is
// declared, reached from the document, named by the section as its default header, holds a PAGE
// field, and the section's title page (w:titlePg, no first-page header) goes without it.
TEST(DocxReport, PageNumberAtTheTopFromTheSecondPage) {
  AnalyticsWorld w;
  auto r = read_back(reports::render_docx(lao_cai_report(w), kIssued));
  ASSERT_TRUE(r.parts.count("word/header1.xml"));
  std::string type;
  for (const auto& e : r.xml["[Content_Types].xml"].elements)
    if (e.name == "Override" && e.attrs.at("PartName") == "/word/header1.xml")
      type = e.attrs.at("ContentType");
  EXPECT_EQ(type, "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml");

  std::string rel_id;
  std::set<std::string> ids;
  for (const auto& e : r.xml["word/_rels/document.xml.rels"].elements) {
    if (e.name != "Relationship") continue;
    EXPECT_TRUE(ids.insert(e.attrs.at("Id")).second) << "duplicate " << e.attrs.at("Id");
    if (e.attrs.at("Type") ==
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header") {
      EXPECT_EQ(e.attrs.at("Target"), "header1.xml");
      rel_id = e.attrs.at("Id");
    }
  }
  ASSERT_FALSE(rel_id.empty());

  // The section: one header reference, the default one, to that relationship; a title page.
  const auto& doc = r.xml["word/document.xml"].elements;
  int refs = 0, title_pages = 0;
  for (const auto& e : doc) {
    if (e.name == "w:headerReference") {
      ++refs;
      EXPECT_EQ(doc[size_t(e.parent)].name, "w:sectPr");
      EXPECT_EQ(e.attrs.at("w:type"), "default");
      EXPECT_EQ(e.attrs.at("r:id"), rel_id);
    }
    if (e.name == "w:titlePg") {
      ++title_pages;
      EXPECT_EQ(doc[size_t(e.parent)].name, "w:sectPr");
    }
  }
  EXPECT_EQ(refs, 1);
  EXPECT_EQ(title_pages, 1);
  // The schema's order within w:sectPr: the reference first, w:titlePg after the margins.
  std::vector<std::string> sect;
  for (const auto& e : doc)
    if (e.parent >= 0 && doc[size_t(e.parent)].name == "w:sectPr") sect.push_back(e.name);
  EXPECT_EQ(sect,
            (std::vector<std::string>{"w:headerReference", "w:pgSz", "w:pgMar", "w:titlePg"}));

  // The header: a centred paragraph whose field is the page number.
  const auto& hdr = r.xml["word/header1.xml"].elements;
  ASSERT_FALSE(hdr.empty());
  EXPECT_EQ(hdr.front().name, "w:hdr");
  auto field =
      std::find_if(hdr.begin(), hdr.end(), [](auto& e) { return e.name == "w:fldSimple"; });
  ASSERT_NE(field, hdr.end());
  EXPECT_EQ(field->attrs.at("w:instr"), " PAGE ");
  EXPECT_EQ(hdr[size_t(field->parent)].name, "w:p");
  EXPECT_EQ(r.attrs("word/header1.xml", "w:jc")["w:val"], "center");
}

// Ba Đình of today took the whole of some old wards and only a part of others: the note names
// those too, with where their figures count, and a ward counted here whole though split says so.
TEST(DocxReport, ReformNoteNamesPartlyMergedWards) {
  AnalyticsWorld w;
  w.spread({"old:00004"}, "2022", "conference", {{"events", 3}});
  auto report = reports::build_report(w.engine, "00004", periods::Period::parse("2022"), false);
  const std::string& note = report.reform_note;
  EXPECT_TRUE(note.starts_with("phường Ba Đình, gồm phường Trúc Bạch, ")) << note;
  EXPECT_NE(note.find("phường Điện Biên (cả phường, dù một phần nay thuộc phường Hoàn Kiếm, "
                      "phường Ô Chợ Dừa, phường Văn Miếu - Quốc Tử Giám)"),
            std::string::npos)
      << note;
  EXPECT_NE(note.find(" trước 01/07/2025; nhận thêm một phần "), std::string::npos) << note;
  // Ngọc Hà went partly into Ba Đình, but kept its name and counts in today's Ngọc Hà.
  EXPECT_NE(note.find("phường Ngọc Hà (số liệu tính ở phường Ngọc Hà)"), std::string::npos) << note;
  EXPECT_EQ(note.find("gồm phường Ngọc Hà"), std::string::npos) << note;

  auto r = read_back(reports::render_docx(report, kIssued));
  EXPECT_TRUE(
      r.paragraph("Số liệu trước ngày sắp xếp đơn vị hành chính (01/07/2025) tính theo "
                  "địa bàn hiện nay: " +
                  note + "."));
  // Today's Ngọc Hà: old Ngọc Hà among others, counted whole though split with Ba Đình, and a
  // part of Đội Cấn, whose figures count in Ba Đình.
  auto ngoc_ha = reports::build_report(w.engine, "00008", periods::Period::parse("2022"), false);
  const std::string& nh = ngoc_ha.reform_note;
  EXPECT_TRUE(nh.starts_with("phường Ngọc Hà, gồm ")) << nh;
  EXPECT_NE(nh.find("phường Ngọc Hà (cả phường, dù một phần nay thuộc phường Ba Đình)"),
            std::string::npos)
      << nh;
  EXPECT_NE(nh.find("; nhận thêm một phần phường Đội Cấn (số liệu tính ở phường Ba Đình)"),
            std::string::npos)
      << nh;
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
