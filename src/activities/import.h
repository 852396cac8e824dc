// activities/import.h — a CSV or XLSX file of activities into the log, whole or not at all.
//
// The first row holds the column headings as staff write them, in Vietnamese with or without
// diacritics and in any case ("Ngày", "NGAY", "Đơn vị", "Loại hoạt động", "Số người tham dự"; the
// aliases are data, data/import/headings.csv, read by sheets/headings.h; the full list is
// columns() and docs/api/activities.md). Unknown headings are refused rather than
// ignored, so that a misspelt figure column does not silently drop numbers. Cells may hold codes
// or labels: units by id ("old:15"), by official code resolved for the row's date (15 in 2022 is
// old Yên Bái), or by name ("Yên Bái", "Xã Tả Van, Lào Cai"); kinds, channels, groups, topics,
// languages and partners by code or label; lists separated by ";" or line breaks (or commas).
//
// Two phases inside one transaction. Checking: every row is parsed and validated (validate.h,
// then ImportOptions::row_check for scope and locked months) and, while no row has failed, kept
// in memory (pending_rows.h); on a large file two checkers share the rows, one on a helper
// thread (row_checker.h). Writing, only when no row failed: the kept rows are inserted
// sorted by place and date, then the transaction commits. So nothing is ever half-written,
// every bad row and column is listed (the first max_errors of them, with the total), and the
// table's indexes are extended in order. A row with an external reference ("Mã tham chiếu")
// already stored is skipped; without that column each row gets one derived from its content
// and its rank among identical rows, so re-importing the same file adds nothing.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "activities/activity.h"
#include "activities/reference.h"
#include "audit/log.h"
#include "common/error.h"
#include "places/gazetteer.h"
#include "store/store.h"

namespace caunoi::activities {

struct ImportError {
  long row = 0;         // as the spreadsheet numbers it (the heading is row 1)
  std::string column;   // the heading as written in the file ("" for the whole row)
  std::string message;  // Vietnamese
};

enum class ImportPhase { checking, writing };

struct ImportReport {
  long rows_total = 0;     // data rows (known before the import when a progress callback is set)
  long rows_done = 0;      // rows checked
  long rows_to_write = 0;  // rows that passed, kept for the writing phase
  long rows_written = 0;   // of those, inserted or skipped so far
  int64_t inserted = 0, skipped = 0;
  int64_t first_id = 0, last_id = 0;  // ids given to the inserted rows (contiguous)
  std::vector<ImportError> errors;    // the first max_errors
  long error_count = 0;               // all of them
  bool ok() const { return error_count == 0; }
};

struct ImportOptions {
  std::string filename;  // decides CSV or XLSX together with the content
  std::string sheet;     // XLSX: "" = the first sheet
  std::string created_by = "import";
  size_t max_errors = 1000;
  Date today = Date::today();
  // Called every few thousand rows and at the end of each phase: (phase, done, total). Checking
  // counts the file's data rows; writing counts the rows kept to be written.
  std::function<void(ImportPhase, long, long)> progress;
  // Refuses single rows beyond the rules of validate.h: who may import where, and which months
  // are closed by approval (api/routes_imports.cpp wires the signed-in user's unit and the
  // approved periods). Called for every row whose date and place are known and valid, with the
  // import's connection inside its transaction; a refusal names the field ("place" or
  // "date_from") and says why in Vietnamese, and the row is listed like any other bad row, so
  // the file writes nothing. Called once a row: cache what repeats (units, months).
  std::function<std::optional<FieldError>(store::Connection&, const Activity&)> row_check;
  // The unit the import is made for (the importer's unit, or the ?unit= of the request): kept
  // with a background job so that its progress and row errors are shown only within that unit.
  std::string unit_id = "VN";
  // Called once the file has been read, before the writing phase: the caller may free the file
  // then (the background job does), as the rows kept are copies. `data` is not read after it.
  std::function<void()> file_read;
  // The account that sent the file: a background import (Service::start_import) is refused while
  // another of the same account is queued or running. "" (the CLI) is not limited.
  std::string owner;
  // Checkers reading the file's rows: 1 or 2; 0 lets the import choose (2 on a multi-core
  // machine for a file of a megabyte or more, sharing the rows by load). Given 2, they take
  // turns by blocks of 1,024 rows. Results are the same either way.
  size_t check_threads = 0;
  // Who imports: the record of what the file wrote (its name, the rows inserted and skipped) is
  // written with the rows, in the import's transaction. A file that writes nothing leaves none.
  audit::Actor actor;
};

// The connection must not be inside a transaction. Throws caunoi::Error only for a file that
// cannot be read at all (not CSV/XLSX, damaged archive, no heading row); row problems are in
// the report.
ImportReport import_activities(store::Connection& c, const Reference& ref,
                               const places::Gazetteer& g, std::string_view data,
                               const ImportOptions& opt);

// The headings a file may use (canonical Vietnamese form) with the field each fills: "date_from",
// "place", ..., or "figures.<code>" for figures. Used by the template and the docs.
struct ColumnSpec {
  std::string heading;
  std::string field;
};
std::vector<ColumnSpec> columns(const Reference& ref);

}  // namespace caunoi::activities
