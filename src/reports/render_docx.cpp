// reports/render_docx.cpp — the report as a Word document laid out as a Vietnamese administrative
// document, per Decree 30/2020/NĐ-CP (appendix I): A4, margins top and bottom 20 mm, left 30 mm,
// right 15 mm, Times New Roman 14 pt, page numbers centred at the top from the second page; a
// borderless heading table with the issuing body and the number on the left, the national name
// (quốc hiệu), motto (tiêu ngữ) and place and date on the right; the document's name and its
// subject (trích yếu); the body; the recipients (nơi nhận) and the signature block. The number and
// the day are left blank for the office that registers and signs the document.
#include <algorithm>

#include "reports/render.h"
#include "tabular/column_fit.h"
#include "tabular/docx_writer.h"
#include "text/fold.h"

namespace caunoi::reports {
namespace {

using tabular::DocxAlign;
using tabular::DocxCell;
using tabular::DocxParagraph;
using tabular::DocxRun;
using tabular::DocxTable;

constexpr double kBodyPt = 14;
constexpr const char* kAgency = "Bảo hiểm xã hội";

DocxParagraph line(std::string text, double size_pt, bool bold = false, bool italic = false,
                   DocxAlign align = DocxAlign::center) {
  return DocxParagraph{{DocxRun{std::move(text), bold, italic, size_pt}}, align};
}

// The short line under a heading: `length_mm` long, centred in `width_mm`.
DocxParagraph rule(double width_mm, double length_mm) {
  DocxParagraph p;
  p.rule_above = true;
  p.indent_mm = std::max(0.0, (width_mm - length_mm) / 2);
  return p;
}

// Left: the issuing body in capitals (a province's office under the national agency, which
// issues alone), then the number; right: the national name, the motto, the place and date.
// Each block has a short rule under it.
DocxTable heading(const Report& r, Date issued) {
  const double left = 68, right = 97;
  DocxCell body, state;
  body.paragraphs.push_back(
      line(text::upper_nfc(std::string(kAgency) + " Việt Nam"), 12, r.issuer.empty()));
  if (!r.issuer.empty())
    body.paragraphs.push_back(
        line(text::upper_nfc(std::string(kAgency) + " " + r.issuer), 12, true));
  body.paragraphs.push_back(rule(left, 22));
  body.paragraphs.push_back(line("Số:       /BC-BHXH", 13));

  state.paragraphs.push_back(line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, true));
  state.paragraphs.push_back(line("Độc lập - Tự do - Hạnh phúc", 13, true));
  state.paragraphs.push_back(rule(right, 60));
  state.paragraphs.push_back(
      line(r.issuer_place + ", ngày      tháng      năm " + std::to_string(issued.year), kBodyPt,
           false, true));
  return DocxTable{{left, right}, {{body, state}}, 0, false};
}

// "Kết quả công tác truyền thông … 10 tháng đầu năm 2022", naming the unit when it is not the
// issuer itself (a commune, an old province).
std::string subject(const Report& r) {
  std::string s = "Kết quả công tác truyền thông chính sách BHXH, BHTN, BHYT " + r.period.vi();
  if (!r.issuer.empty() && r.unit_name != r.issuer) s += " tại " + r.unit_name;
  return s;
}

DocxParagraph body_paragraph(std::string text, bool italic = false) {
  DocxParagraph p{{DocxRun{std::move(text), false, italic, 0}}, DocxAlign::justify};
  p.first_line_mm = 12.7;
  p.after_pt = 6;
  return p;
}

// Smaller type as tables widen, so that the units' ten columns fit a portrait page.
double table_pt(size_t columns) {
  return columns <= 5 ? 13 : columns <= 8 ? 12 : 10;
}

DocxTable section_table(const Section& s, double width_mm) {
  const double pt = table_pt(s.columns.size());
  std::vector<std::vector<std::string>> texts(1);
  std::vector<bool> numeric;
  for (const auto& c : s.columns) {
    texts[0].push_back(c.title);
    numeric.push_back(c.kind != ColumnKind::text);
  }
  for (const auto& row : s.rows) {
    texts.emplace_back();
    for (const auto& v : row) texts.back().push_back(cell_text(v));
  }
  DocxTable t{tabular::fit_columns(texts, numeric, width_mm, pt), {}, 1, true};
  for (size_t r = 0; r < texts.size(); ++r) {
    t.rows.emplace_back();
    for (size_t c = 0; c < texts[r].size() && c < s.columns.size(); ++c) {
      DocxAlign a = r == 0 || s.columns[c].title == "STT" ? DocxAlign::center
                    : numeric[c]                          ? DocxAlign::right
                                                          : DocxAlign::left;
      t.rows.back().push_back(DocxCell{{line(texts[r][c], pt, r == 0, false, a)}, r == 0});
    }
  }
  return t;
}

// Left: the recipients; right: the signer's title, with room to sign.
DocxTable closing(const Report& r) {
  DocxCell to, sign;
  to.paragraphs.push_back(line("Nơi nhận:", 12, true, true, DocxAlign::left));
  // "Như trên": the addressee of "Kính gửi"; the national report has none, so a blank to fill.
  for (const char* who : {r.issuer.empty() ? "- …;" : "- Như trên;", "- Lưu: VT, TT."})
    to.paragraphs.push_back(line(who, 11, false, false, DocxAlign::left));
  sign.paragraphs.push_back(line(r.issuer.empty() ? "TỔNG GIÁM ĐỐC" : "GIÁM ĐỐC", kBodyPt, true));
  sign.paragraphs.push_back(line("(Ký, ghi rõ họ tên)", kBodyPt, false, true));
  for (int i = 0; i < 4; ++i) sign.paragraphs.push_back(DocxParagraph{});
  return DocxTable{{80, 85}, {{to, sign}}, 0, false};
}

}  // namespace

std::string render_docx(const Report& r, Date issued) {
  tabular::DocxPage page;
  page.numbered = true;
  tabular::DocxWriter w("Times New Roman", kBodyPt, page);
  const double width = w.text_width_mm();
  w.table(heading(r, issued));

  DocxParagraph name = line("BÁO CÁO", kBodyPt, true);
  name.before_pt = 18;
  w.paragraph(name);
  w.paragraph(line(subject(r), kBodyPt, true));
  w.paragraph(rule(width, 45));
  if (!r.issuer.empty()) {
    DocxParagraph to = line("Kính gửi: Bảo hiểm xã hội Việt Nam.", kBodyPt);
    to.after_pt = 12;
    w.paragraph(to);
  }

  // The narrative, one paragraph per line of it; then which data the figures hold.
  std::string narrative = r.narrative.empty() ? "Chưa có số liệu trong kỳ." : r.narrative;
  for (size_t from = 0; from <= narrative.size();) {
    size_t end = std::min(narrative.find('\n', from), narrative.size());
    if (end > from) w.paragraph(body_paragraph(narrative.substr(from, end - from)));
    from = end + 1;
  }
  if (!r.data_note.empty()) w.paragraph(body_paragraph(r.data_note, true));
  if (auto reform = reform_sentence(r); !reform.empty()) w.paragraph(body_paragraph(reform, true));

  for (size_t i = 0; i < r.sections.size(); ++i) {
    const Section& s = r.sections[i];
    DocxParagraph head =
        line(std::to_string(i + 1) + ". " + s.title, kBodyPt, true, false, DocxAlign::left);
    head.before_pt = 6;
    head.after_pt = 6;
    head.keep_next = true;
    w.paragraph(head);
    w.table(section_table(s, width));
    if (!s.note.empty()) {
      DocxParagraph note = line("Ghi chú: " + s.note, 12, false, true, DocxAlign::justify);
      note.before_pt = 3;
      w.paragraph(note);
    }
  }

  DocxParagraph gap;
  gap.after_pt = 6;
  w.paragraph(gap);
  w.table(closing(r));
  return w.finish({r.title, "caunoi", issued});
}

}  // namespace caunoi::reports
