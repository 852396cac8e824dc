// activities/row_checker.h — the checking phase of a file import (import.h): the heading row
// decides what each column fills, then every data row is turned into an activity, validated
// (validate.h, ImportOptions::row_check) and, while no row has failed, kept in PendingRows.
// Problems go to the ImportReport with the row number and the column heading as written.
//
// One checker is used by one thread. An import may run two over the halves of its rows (each
// with its own report and kept rows, merged afterwards); they then share the connection that
// row_check reads through `db_mutex`. Private to the activities part.
#pragma once

#include <memory>
#include <mutex>
#include <string_view>

#include "activities/import.h"
#include "activities/pending_rows.h"
#include "tabular/rows.h"

namespace caunoi::activities {

class RowChecker {
 public:
  RowChecker(store::Connection& c, const Reference& ref, const places::Gazetteer& g,
             const ImportOptions& opt, ImportReport& rep, std::mutex* db_mutex = nullptr);
  ~RowChecker();

  // The heading row; false when it is unusable (errors recorded).
  bool header(long row, tabular::Cells cells);
  // One data row (blank rows are passed over).
  void row(long row, tabular::Cells cells);
  // The rows that passed, to be written once the whole file has.
  PendingRows& pending();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caunoi::activities
