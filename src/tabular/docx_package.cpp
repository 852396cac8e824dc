// tabular/docx_package.cpp — the fixed parts of a .docx package: content types, relationships,
// styles, settings, the page-number header and properties. Word refuses a package whose parts are
// not all declared in [Content_Types].xml or not reachable through the relationships, so both are
// made from one table, kParts.
#include "tabular/docx_package.h"

#include <cmath>

#include "tabular/xml_text.h"
#include "tabular/zip_writer.h"

namespace caunoi::tabular {

namespace {

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";

struct Part {
  const char* name;          // inside the zip
  const char* content_type;  // "" for the relationship parts (declared by extension)
  const char* rel_from;      // "package" (_rels/.rels) or "document" (document.xml.rels)
  const char* rel_type;
  const char* rel_id;          // unique among the relationships of rel_from
  bool numbered_only = false;  // only in a package with page numbers
};

constexpr Part kParts[] = {
    {"word/document.xml",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "package",
     "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "rId1"},
    {"word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
     "document", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
     "rId1"},
    {"word/settings.xml",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml", "document",
     "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings", "rId2"},
    {"word/header1.xml",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml", "document",
     "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header",
     kPageNumberHeaderRel, true},
    {"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", "package",
     "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
     "rId2"},
    {"docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml",
     "package",
     "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties",
     "rId3"},
};

bool in_package(const Part& p, bool numbered) {
  return numbered || !p.numbered_only;
}

std::string content_types(bool numbered) {
  std::string x = kXmlDeclaration;
  x += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"rels\" "
       "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>";
  for (const auto& p : kParts)
    if (in_package(p, numbered))
      x += std::string("<Override PartName=\"/") + p.name + "\" ContentType=\"" + p.content_type +
           "\"/>";
  return x + "</Types>";
}

// The relationships from `from`; targets are relative to the folder of the part that names them.
std::string relationships(std::string_view from, bool numbered) {
  std::string x = kXmlDeclaration;
  x += std::string("<Relationships xmlns=\"") + kRelNs + "\">";
  for (const auto& p : kParts) {
    if (from != p.rel_from || !in_package(p, numbered)) continue;
    std::string target = p.name;
    if (from == "document") target = target.substr(target.find('/') + 1);
    x += std::string("<Relationship Id=\"") + p.rel_id + "\" Type=\"" + p.rel_type +
         "\" Target=\"" + target + "\"/>";
  }
  return x + "</Relationships>";
}

std::string styles(const std::string& font, double size_pt) {
  std::string f = xml_text(font);
  std::string half_points = std::to_string(std::lround(size_pt * 2));
  std::string x = kXmlDeclaration;
  x += std::string("<w:styles xmlns:w=\"") + kWordNs + "\">";
  x += "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" + f + "\" w:hAnsi=\"" + f +
       "\" w:eastAsia=\"" + f + "\" w:cs=\"" + f + "\"/><w:sz w:val=\"" + half_points +
       "\"/><w:szCs w:val=\"" + half_points +
       "\"/><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>"
       "<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"
       "</w:pPr></w:pPrDefault></w:docDefaults>";
  x += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
       "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>";
  x += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
       "<w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>"
       "<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>"
       "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>"
       "</w:tblPr></w:style>";
  return x + "</w:styles>";
}

// Compatibility mode 15 (Word 2013 and later): without it Word opens the file in the
// compatibility mode of Word 2007 and says so in the title bar.
std::string settings() {
  std::string x = kXmlDeclaration;
  x += std::string("<w:settings xmlns:w=\"") + kWordNs + "\">";
  x += "<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/>"
       "<w:compat><w:compatSetting w:name=\"compatibilityMode\" "
       "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>";
  return x + "</w:settings>";
}

// The page number, centred at the top (Decree 30/2020, appendix I: Arabic numerals, 13-14 pt,
// centred in the top margin, not on the first page; the section's w:titlePg leaves the first
// page without it). "2" is what the field shows until Word or LibreOffice updates it.
std::string page_number_header() {
  std::string x = kXmlDeclaration;
  x += std::string("<w:hdr xmlns:w=\"") + kWordNs + "\">";
  x += "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:fldSimple w:instr=\" PAGE \">"
       "<w:r><w:t>2</w:t></w:r></w:fldSimple></w:p>";
  return x + "</w:hdr>";
}

std::string core(const DocxProperties& p) {
  std::string when = p.created.iso() + "T00:00:00Z";
  std::string x = kXmlDeclaration;
  x += "<cp:coreProperties "
       "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
       "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
  x += "<dc:title>" + xml_text(p.title) + "</dc:title>";
  x += "<dc:creator>" + xml_text(p.creator) + "</dc:creator>";
  x += "<dc:language>vi-VN</dc:language>";
  x += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + when + "</dcterms:created>";
  x += "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + when + "</dcterms:modified>";
  return x + "</cp:coreProperties>";
}

std::string app() {
  std::string x = kXmlDeclaration;
  x += "<Properties "
       "xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
       "<Application>caunoi</Application></Properties>";
  return x;
}

}  // namespace

std::string docx_package(const std::string& document, const std::string& font, double size_pt,
                         const DocxProperties& props, bool numbered) {
  ZipWriter z;
  z.add("[Content_Types].xml", content_types(numbered));
  z.add("_rels/.rels", relationships("package", numbered));
  z.add("word/_rels/document.xml.rels", relationships("document", numbered));
  z.add("word/document.xml", document);
  z.add("word/styles.xml", styles(font, size_pt));
  z.add("word/settings.xml", settings());
  if (numbered) z.add("word/header1.xml", page_number_header());
  z.add("docProps/core.xml", core(props));
  z.add("docProps/app.xml", app());
  return z.finish();
}

}  // namespace caunoi::tabular
