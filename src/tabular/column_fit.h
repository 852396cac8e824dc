// tabular/column_fit.h — column widths for a table of text on a page of fixed width (the tables
// of a .docx), from what the columns hold.
//
// A column never gets narrower than its longest unbreakable piece: a word of its heading, a
// word of a text cell, or a whole number ("1.998.000" must not break across lines). What is
// left of the width goes to the columns whose cells would not fit on one line, in proportion to
// how much more they would need (headings are left to wrap); if every cell fits on one line, the
// spare width is shared in proportion to the widths. Characters are counted at half an em, the
// average width of Times New Roman, so widths are estimates, not measurements.
#pragma once

#include <string>
#include <vector>

namespace caunoi::tabular {

// `rows` holds the heading row first; each row may be shorter than `columns`. `numeric[c]` says
// column c holds numbers (whole cells are unbreakable). Returns `columns` widths in mm adding up
// to `total_mm` (less only if the unbreakable minimums alone exceed it: then they are scaled).
std::vector<double> fit_columns(const std::vector<std::vector<std::string>>& rows,
                                const std::vector<bool>& numeric, double total_mm, double size_pt);

}  // namespace caunoi::tabular
