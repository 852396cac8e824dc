// activities/export.h — lists of activities as files staff open in Excel, and blank templates.
//
// An export uses exactly the headings the import accepts (import.h), so an exported file can
// be edited and imported again: every row carries its "Mã tham chiếu" (the external reference,
// or "caunoi:<id>" for a record entered by form), which makes the re-import skip unchanged rows.
// Units are written as ids ("old:15") with their name in the column "Tên đơn vị" beside them.
#pragma once

#include <string>

#include "activities/reference.h"
#include "activities/repository.h"
#include "places/gazetteer.h"
#include "store/store.h"

namespace caunoi::activities {

// CSV: UTF-8 with BOM, ';' delimiter (Excel with Vietnamese regional settings opens it into
// columns); user text that would run as a formula gets a leading apostrophe (csv_writer.h),
// which the import takes off. XLSX: one sheet "Hoạt động", written in constant memory, dates as
// Excel dates, text as strings (never formulas).
std::string export_csv(store::Connection& c, const Reference& ref, const places::Gazetteer& g,
                       const Filter& f);
std::string export_xlsx(store::Connection& c, const Reference& ref, const places::Gazetteer& g,
                        const Filter& f);

// A blank .xlsx to fill in: sheet "Nhập liệu" with the headings (a kind's own figures only
// when `kind` is given, else all), drop-down lists for kind and channel, a note on every heading;
// sheet "Danh mục" with every code and label; sheet "Hướng dẫn". Unknown kind: not_found.
std::string template_xlsx(const Reference& ref, const std::string& kind);

}  // namespace caunoi::activities
