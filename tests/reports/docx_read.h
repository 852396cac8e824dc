// tests/reports/docx_read.h — a .docx read back for tests, with nothing of the writer: every
// entry of the zip (libzip), every XML part checked well-formed by expat, and the elements of a
// part with their attributes and text, from which the tests take paragraphs and tables.
#pragma once

#include <expat.h>
#include <zip.h>

#include <map>
#include <string>
#include <vector>

namespace caunoi::testutil {

// Entry name → bytes; empty if the bytes are not a zip archive.
inline std::map<std::string, std::string> unzip_all(const std::string& bytes) {
  std::map<std::string, std::string> out;
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
  zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err) : nullptr;
  zip_error_fini(&err);
  if (!za) {
    if (src) zip_source_free(src);
    return out;
  }
  for (zip_int64_t i = 0; i < zip_get_num_entries(za, 0); ++i) {
    std::string& data = out[zip_get_name(za, static_cast<zip_uint64_t>(i), 0)];
    if (zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0)) {
      char buf[8192];
      for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) data.append(buf, size_t(n));
      zip_fclose(f);
    }
  }
  zip_discard(za);
  return out;
}

// One element of a part: its qualified name ("w:p"), attributes, the element's own character
// data, and the index of its parent in the list (-1 for the root).
struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attrs;
  std::string text;
  int parent = -1;
};

struct XmlPart {
  std::string error;                 // "" when well-formed: else expat's message and line
  std::vector<XmlElement> elements;  // in document order
};

inline XmlPart parse_xml(const std::string& xml) {
  struct State {
    XmlPart part;
    std::vector<int> open;
  } st;
  XML_Parser p = XML_ParserCreate(nullptr);
  XML_SetUserData(p, &st);
  XML_SetElementHandler(
      p,
      [](void* u, const XML_Char* name, const XML_Char** atts) {
        auto* s = static_cast<State*>(u);
        XmlElement e{name, {}, "", s->open.empty() ? -1 : s->open.back()};
        for (size_t i = 0; atts[i]; i += 2) e.attrs[atts[i]] = atts[i + 1];
        s->open.push_back(static_cast<int>(s->part.elements.size()));
        s->part.elements.push_back(std::move(e));
      },
      [](void* u, const XML_Char*) { static_cast<State*>(u)->open.pop_back(); });
  XML_SetCharacterDataHandler(p, [](void* u, const XML_Char* s, int len) {
    auto* st = static_cast<State*>(u);
    if (!st->open.empty()) st->part.elements[size_t(st->open.back())].text.append(s, size_t(len));
  });
  if (XML_Parse(p, xml.data(), static_cast<int>(xml.size()), 1) == XML_STATUS_ERROR) {
    st.part.error = std::string(XML_ErrorString(XML_GetErrorCode(p))) + " at line " +
                    std::to_string(XML_GetCurrentLineNumber(p));
  }
  XML_ParserFree(p);
  return std::move(st.part);
}

// word/document.xml as a reader sees it: paragraphs' text (w:t, w:br as "\n", w:tab as "\t"),
// and each table as rows of cells' text (a cell's paragraphs joined by "\n").
struct DocxText {
  std::vector<std::string> paragraphs;  // every paragraph, in tables too, in order
  struct Table {
    std::vector<std::vector<std::string>> rows;
    bool header_row = false;  // the first row repeats on each page (w:tblHeader)
    bool borders = false;     // the table draws its grid
  };
  std::vector<Table> tables;
};

inline DocxText document_text(const XmlPart& part) {
  DocxText out;
  const auto& el = part.elements;
  auto inside = [&](size_t i, const char* name) {
    for (int p = el[i].parent; p >= 0; p = el[size_t(p)].parent)
      if (el[size_t(p)].name == name) return p;
    return -1;
  };
  std::map<int, size_t> table_of, row_of;
  std::map<int, size_t> para_of;
  for (size_t i = 0; i < el.size(); ++i) {
    const std::string& n = el[i].name;
    if (n == "w:tbl") {
      table_of[int(i)] = out.tables.size();
      out.tables.emplace_back();
    } else if (n == "w:tr") {
      auto& t = out.tables[table_of[inside(i, "w:tbl")]];
      row_of[int(i)] = t.rows.size();
      t.rows.emplace_back();
    } else if (n == "w:tc") {
      auto& t = out.tables[table_of[inside(i, "w:tbl")]];
      auto& row = t.rows[row_of[inside(i, "w:tr")]];
      row.emplace_back();
    } else if (n == "w:tblHeader") {
      auto& t = out.tables[table_of[inside(i, "w:tbl")]];
      if (row_of[inside(i, "w:tr")] == 0) t.header_row = true;
    } else if (n == "w:insideH" && el[i].attrs.count("w:val")) {
      out.tables[table_of[inside(i, "w:tbl")]].borders = el[i].attrs.at("w:val") == "single";
    } else if (n == "w:p") {
      para_of[int(i)] = out.paragraphs.size();
      out.paragraphs.emplace_back();
    } else if (n == "w:t" || n == "w:br" || n == "w:tab") {
      std::string piece = n == "w:t" ? el[i].text : n == "w:br" ? "\n" : "\t";
      int p = inside(i, "w:p");
      if (p >= 0) out.paragraphs[para_of[p]] += piece;
    }
  }
  // Cells' text: their paragraphs, after the fact (a cell is open while its paragraphs fill).
  for (size_t i = 0; i < el.size(); ++i) {
    if (el[i].name != "w:p") continue;
    int tc = inside(i, "w:tc");
    if (tc < 0) continue;
    auto& t = out.tables[table_of[inside(size_t(tc), "w:tbl")]];
    auto& row = t.rows[row_of[inside(size_t(tc), "w:tr")]];
    // The cell's index in its row: count earlier w:tc siblings of the same row.
    size_t col = 0;
    for (size_t j = 0; j < size_t(tc); ++j)
      if (el[j].name == "w:tc" && el[j].parent == el[size_t(tc)].parent) ++col;
    std::string& cell = row[col];
    if (!cell.empty()) cell += "\n";
    cell += out.paragraphs[para_of[int(i)]];
  }
  return out;
}

}  // namespace caunoi::testutil
