// tabular/docx_writer.h — writing .docx files (WordprocessingML, Office Open XML): paragraphs and
// tables, for documents that staff open in Word or LibreOffice Writer, edit and sign.
//
// The project's own writer, not a library's: the document is described with the plain structs
// below, serialised to the few parts a package needs ([Content_Types].xml, the relationships,
// word/document.xml, word/styles.xml, word/settings.xml, docProps/core.xml and app.xml, and
// word/header1.xml with the page number when the page asks for it) and
// zipped in memory (zip_writer.h). All text goes through xml_text.h, so any text makes a valid
// package. One font and size for the whole document (the "Normal" style, language vi-VN); a run
// may be bold, italic or another size. Lengths are in millimetres and points, as a style guide
// gives them; the writer turns them into the file's twentieths of a point.
//
// Usage:
//   tabular::DocxWriter w("Times New Roman", 14);
//   w.paragraph({{{"BÁO CÁO", true}}, tabular::DocxAlign::center});
//   w.table(t);
//   std::string bytes = w.finish({"Báo cáo", "caunoi", Date::today()});
#pragma once

#include <string>
#include <vector>

#include "common/date.h"

namespace caunoi::tabular {

struct DocxRun {
  std::string text;  // "\n" breaks the line, "\t" is a tab
  bool bold = false;
  bool italic = false;
  double size_pt = 0;  // 0: the document's size
};

enum class DocxAlign { left, center, right, justify };

struct DocxParagraph {
  std::vector<DocxRun> runs;
  DocxAlign align = DocxAlign::left;
  double first_line_mm = 0;  // first-line indent
  double indent_mm = 0;      // on both sides (a short rule: see rule_above)
  double before_pt = 0, after_pt = 0;
  bool rule_above = false;  // a thin line along the paragraph's top edge (indent_mm shortens it)
  bool keep_next = false;   // on the same page as the next paragraph
};

struct DocxCell {
  std::vector<DocxParagraph> paragraphs;  // none: an empty cell
  bool shaded = false;                    // light grey (column headings)
};

struct DocxTable {
  std::vector<double> widths_mm;  // one per column
  std::vector<std::vector<DocxCell>> rows;
  int header_rows = 0;  // repeated at the top of every page the table runs onto
  bool borders = true;  // false: a layout table (a document's heading or signature block)
};

struct DocxPage {
  double width_mm = 210, height_mm = 297;  // A4, portrait
  double top_mm = 20, bottom_mm = 20, left_mm = 30, right_mm = 15;
  bool numbered = false;  // page number centred at the top of every page but the first
};

struct DocxProperties {  // docProps/core.xml: what File → Properties shows
  std::string title;
  std::string creator;
  Date created;
};

class DocxWriter {
 public:
  DocxWriter(std::string font, double size_pt, DocxPage page = {});

  void paragraph(const DocxParagraph& p);
  void table(const DocxTable& t);
  // Page width less the side margins: what tables and layout have to fill.
  double text_width_mm() const { return page_.width_mm - page_.left_mm - page_.right_mm; }

  // The bytes of the .docx file.
  std::string finish(const DocxProperties& props) const;

 private:
  std::string font_;
  double size_pt_;
  DocxPage page_;
  std::string body_;  // the w:body's paragraphs and tables so far
  bool ends_with_table_ = false;
};

// The MIME type of a .docx file, for Content-Type.
inline constexpr const char* kDocxMime =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

}  // namespace caunoi::tabular
