// reports/render.h — a Report as plain text (CLI), JSON (API) and an XLSX workbook (download):
// the same content, three shapes. XLSX: sheet "Tóm tắt" with the title and the narrative, then
// one sheet per section; headings in row 3, data from row 4; numbers are numbers (staff add them
// up) in Vietnamese-looking formats, comparisons are text ("gấp 2,9 lần").
#pragma once

#include <boost/json.hpp>
#include <string>

#include "reports/report.h"

namespace caunoi::reports {

std::string render_text(const Report& r);
boost::json::object render_json(const Report& r);
std::string render_xlsx(const Report& r);  // the bytes of an .xlsx file

// One cell as Vietnamese text: "144.000", "91,01%", "" for empty.
std::string cell_text(const CellValue& v);

inline constexpr const char* kSummarySheet = "Tóm tắt";

}  // namespace caunoi::reports
