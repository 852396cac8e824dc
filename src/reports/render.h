// reports/render.h — a Report as plain text (CLI), JSON (API), an XLSX workbook and a Word
// document (downloads): the same content, four shapes. XLSX: sheet "Tóm tắt" with the title and the
// narrative, then one sheet per section; headings in row 3, data from row 4; numbers are numbers
// (staff add them up) in Vietnamese-looking formats, comparisons are text ("gấp 2,9 lần"). DOCX: an
// administrative document per Decree 30/2020/NĐ-CP (render_docx.cpp) for the office to number,
// date and sign: the narrative, then each section as a Word table with its heading row.
#pragma once

#include <boost/json.hpp>
#include <string>

#include "common/date.h"
#include "reports/report.h"

namespace caunoi::reports {

std::string render_text(const Report& r);
boost::json::object render_json(const Report& r);
std::string render_xlsx(const Report& r);  // the bytes of an .xlsx file
// The bytes of a .docx file; `issued` gives the year of its date line and its properties.
std::string render_docx(const Report& r, Date issued);

// The report's reform_note as a sentence for a reader, worded as the web app words it: "Số liệu
// trước ngày sắp xếp đơn vị hành chính (01/07/2025) tính theo địa bàn hiện nay: tỉnh Lào Cai,
// gồm …". "" when the report has no such note.
std::string reform_sentence(const Report& r);

// One cell as Vietnamese text: "144.000", "91,01%", "" for empty.
std::string cell_text(const CellValue& v);

inline constexpr const char* kSummarySheet = "Tóm tắt";

}  // namespace caunoi::reports
