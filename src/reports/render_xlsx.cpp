// reports/render_xlsx.cpp — the report as a workbook, through tabular::XlsxWriter.
#include "reports/render.h"
#include "tabular/xlsx_writer.h"

namespace caunoi::reports {

std::string render_xlsx(const Report& r) {
  tabular::XlsxWriter w;
  auto& summary = w.add_sheet(kSummarySheet);
  summary.column_width(0, 0, 120);
  summary.text(0, 0, r.title, tabular::Style::title);
  summary.text(1, 0, r.data_note, tabular::Style::plain);
  summary.text(2, 0, r.narrative.empty() ? "Chưa có số liệu trong kỳ." : r.narrative,
               tabular::Style::plain);
  const std::string reform = reform_sentence(r);
  if (!reform.empty()) summary.text(3, 0, reform, tabular::Style::note);
  for (const auto& s : r.sections) {
    auto& sh = w.add_sheet(s.title);
    sh.text(0, 0, s.title + " — " + r.unit_name + " — " + r.period.vi(), tabular::Style::title);
    // Between the title and the headings, so that a sheet copied on its own still says it.
    if (!reform.empty()) sh.text(1, 0, reform, tabular::Style::note);
    for (size_t c = 0; c < s.columns.size(); ++c)
      sh.text(2, static_cast<int>(c), s.columns[c].title, tabular::Style::header);
    sh.column_width(0, 0, 6);
    sh.column_width(1, 1, 48);
    sh.column_width(2, static_cast<int>(s.columns.size()), 16);
    sh.freeze(3, 0);
    int row = 3;
    for (const auto& cells : s.rows) {
      for (size_t c = 0; c < cells.size(); ++c) {
        int col = static_cast<int>(c);
        if (const auto* n = std::get_if<Number>(&cells[c])) {
          switch (n->kind) {
            case ColumnKind::percent:
              sh.number(row, col, n->value / 100.0, tabular::Style::percent);
              break;
            case ColumnKind::decimal:
              sh.number(row, col, n->value, tabular::Style::decimal2);
              break;
            default:
              sh.number(row, col, n->value, tabular::Style::integer);
          }
        } else if (const auto* t = std::get_if<std::string>(&cells[c])) {
          sh.text(row, col, *t);
        }
      }
      ++row;
    }
    if (!s.note.empty()) sh.text(row + 1, 0, "Ghi chú: " + s.note, tabular::Style::note);
  }
  return w.finish();
}

}  // namespace caunoi::reports
