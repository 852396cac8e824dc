// tabular/docx_writer.cpp — DocxWriter: the structs of docx_writer.h as WordprocessingML.
// Child elements are written in the order the schema lists them (pPr, rPr, tblPr, tcPr): Word
// reports a file with them out of order as damaged, though LibreOffice opens it.
#include "tabular/docx_writer.h"

#include <cmath>

#include "tabular/docx_package.h"
#include "tabular/xml_text.h"

namespace caunoi::tabular {

namespace {

// Twentieths of a point: 1 mm = 1440 / 25.4.
std::string twips(double mm) {
  return std::to_string(std::lround(mm * 1440.0 / 25.4));
}
std::string twips_pt(double pt) {
  return std::to_string(std::lround(pt * 20));
}

const char* jc(DocxAlign a) {
  switch (a) {
    case DocxAlign::center:
      return "center";
    case DocxAlign::right:
      return "right";
    case DocxAlign::justify:
      return "both";
    default:
      return "left";
  }
}

void run(std::string& x, const DocxRun& r) {
  x += "<w:r>";
  if (r.bold || r.italic || r.size_pt > 0) {
    x += "<w:rPr>";
    if (r.bold) x += "<w:b/><w:bCs/>";
    if (r.italic) x += "<w:i/><w:iCs/>";
    if (r.size_pt > 0) {
      std::string hp = std::to_string(std::lround(r.size_pt * 2));
      x += "<w:sz w:val=\"" + hp + "\"/><w:szCs w:val=\"" + hp + "\"/>";
    }
    x += "</w:rPr>";
  }
  // Line feeds and tabs are elements of their own in WordprocessingML, not characters of w:t.
  std::string text;
  auto flush = [&] {
    if (!text.empty()) x += "<w:t xml:space=\"preserve\">" + xml_text(text) + "</w:t>";
    text.clear();
  };
  for (char c : r.text) {
    if (c == '\n' || c == '\t') {
      flush();
      x += c == '\n' ? "<w:br/>" : "<w:tab/>";
    } else if (c != '\r') {
      text += c;
    }
  }
  flush();
  x += "</w:r>";
}

void paragraph_xml(std::string& x, const DocxParagraph& p) {
  x += "<w:p><w:pPr>";
  if (p.keep_next) x += "<w:keepNext/>";
  if (p.rule_above)
    x += "<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"auto\"/></w:pBdr>";
  if (p.before_pt > 0 || p.after_pt > 0)
    x += "<w:spacing w:before=\"" + twips_pt(p.before_pt) + "\" w:after=\"" + twips_pt(p.after_pt) +
         "\"/>";
  if (p.indent_mm > 0 || p.first_line_mm > 0) {
    x += "<w:ind w:left=\"" + twips(p.indent_mm) + "\" w:right=\"" + twips(p.indent_mm) + "\"";
    if (p.first_line_mm > 0) x += " w:firstLine=\"" + twips(p.first_line_mm) + "\"";
    x += "/>";
  }
  x += std::string("<w:jc w:val=\"") + jc(p.align) + "\"/></w:pPr>";
  for (const auto& r : p.runs) run(x, r);
  x += "</w:p>";
}

std::string borders(bool on) {
  std::string b =
      on ? "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"" : "w:val=\"nil\"";
  std::string x = "<w:tblBorders>";
  for (const char* side : {"top", "left", "bottom", "right", "insideH", "insideV"})
    x += std::string("<w:") + side + " " + b + "/>";
  return x + "</w:tblBorders>";
}

}  // namespace

DocxWriter::DocxWriter(std::string font, double size_pt, DocxPage page)
    : font_(std::move(font)), size_pt_(size_pt), page_(page) {}

void DocxWriter::paragraph(const DocxParagraph& p) {
  paragraph_xml(body_, p);
  ends_with_table_ = false;
}

void DocxWriter::table(const DocxTable& t) {
  double total = 0;
  for (double w : t.widths_mm) total += w;
  std::string& x = body_;
  x += "<w:tbl><w:tblPr><w:tblW w:w=\"" + twips(total) + "\" w:type=\"dxa\"/>" +
       borders(t.borders) + "<w:tblLayout w:type=\"fixed\"/>";
  x += "<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" w:firstColumn=\"0\" "
       "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
  for (double w : t.widths_mm) x += "<w:gridCol w:w=\"" + twips(w) + "\"/>";
  x += "</w:tblGrid>";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    x += "<w:tr><w:trPr><w:cantSplit/>";
    if (static_cast<int>(r) < t.header_rows) x += "<w:tblHeader/>";
    x += "</w:trPr>";
    for (size_t c = 0; c < t.widths_mm.size(); ++c) {
      const DocxCell* cell = c < t.rows[r].size() ? &t.rows[r][c] : nullptr;
      x += "<w:tc><w:tcPr><w:tcW w:w=\"" + twips(t.widths_mm[c]) + "\" w:type=\"dxa\"/>";
      if (cell && cell->shaded) x += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/>";
      x += "<w:vAlign w:val=\"center\"/></w:tcPr>";
      // A cell holds at least one paragraph, or Word calls the file damaged.
      if (!cell || cell->paragraphs.empty()) x += "<w:p/>";
      if (cell)
        for (const auto& p : cell->paragraphs) paragraph_xml(x, p);
      x += "</w:tc>";
    }
    x += "</w:tr>";
  }
  x += "</w:tbl>";
  ends_with_table_ = true;
}

std::string DocxWriter::finish(const DocxProperties& props) const {
  std::string x = kXmlDeclaration;
  x += "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
       "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>";
  x += body_;
  // Word ends a body with a paragraph; a table as the last element gets one added, as Word would.
  if (ends_with_table_) x += "<w:p/>";
  // The schema's order: header references first, w:titlePg after the margins.
  x += "<w:sectPr>";
  if (page_.numbered)
    x += std::string("<w:headerReference w:type=\"default\" r:id=\"") + kPageNumberHeaderRel +
         "\"/>";
  x += "<w:pgSz w:w=\"" + twips(page_.width_mm) + "\" w:h=\"" + twips(page_.height_mm) +
       "\"/><w:pgMar w:top=\"" + twips(page_.top_mm) + "\" w:right=\"" + twips(page_.right_mm) +
       "\" w:bottom=\"" + twips(page_.bottom_mm) + "\" w:left=\"" + twips(page_.left_mm) +
       "\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>";
  if (page_.numbered) x += "<w:titlePg/>";
  x += "</w:sectPr>";
  x += "</w:body></w:document>";
  return docx_package(x, font_, size_pt_, props, page_.numbered);
}

}  // namespace caunoi::tabular
