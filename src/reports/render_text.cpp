// reports/render_text.cpp — the report for a terminal: narrative, then aligned tables.
#include <algorithm>

#include "common/format_vi.h"
#include "reports/render.h"

namespace caunoi::reports {
namespace {

// Display width of UTF-8 text: code points that are not combining marks.
size_t width(const std::string& s) {
  size_t w = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) == 0x80) continue;
    if (c == 0xCC || (c == 0xCD && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) < 0xB0))
      continue;  // U+0300–U+036F combining marks (NFD input)
    ++w;
  }
  return w;
}

std::string pad(const std::string& s, size_t w, bool right) {
  std::string fill(w > width(s) ? w - width(s) : 0, ' ');
  return right ? fill + s : s + fill;
}

}  // namespace

std::string cell_text(const CellValue& v) {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<Number>(&v)) {
    switch (n->kind) {
      case ColumnKind::percent:
        return format_percent_vi(n->value, 2);
      case ColumnKind::decimal:
        return format_decimal_vi(n->value, 2);
      default:
        return format_int_vi(static_cast<int64_t>(std::llround(n->value)));
    }
  }
  return "";
}

std::string reform_sentence(const Report& r) {
  if (r.reform_note.empty()) return "";
  return "Số liệu trước ngày sắp xếp đơn vị hành chính (01/07/2025) tính theo địa bàn hiện nay: " +
         r.reform_note + ".";
}

std::string render_text(const Report& r) {
  std::string out = r.title + "\n" + r.data_note + "\n\n";
  if (!r.narrative.empty()) out += r.narrative + "\n";
  for (const auto& s : r.sections) {
    out += "\n" + s.title + "\n";
    std::vector<size_t> w(s.columns.size(), 0);
    for (size_t c = 0; c < s.columns.size(); ++c) w[c] = width(s.columns[c].title);
    std::vector<std::vector<std::string>> cells;
    for (const auto& row : s.rows) {
      cells.emplace_back();
      for (size_t c = 0; c < row.size() && c < w.size(); ++c) {
        cells.back().push_back(cell_text(row[c]));
        w[c] = std::max(w[c], width(cells.back().back()));
      }
    }
    auto line = [&](const std::vector<std::string>& vals, bool header) {
      std::string l;
      for (size_t c = 0; c < vals.size(); ++c) {
        bool right = !header && s.columns[c].kind != ColumnKind::text;
        l += (c ? "  " : "") + pad(vals[c], w[c], right);
      }
      while (!l.empty() && l.back() == ' ') l.pop_back();
      return l + "\n";
    };
    std::vector<std::string> heads;
    for (const auto& c : s.columns) heads.push_back(c.title);
    out += line(heads, true);
    for (const auto& row : cells) out += line(row, false);
    if (s.rows.empty()) out += "(không có số liệu)\n";
    if (!s.note.empty()) out += "Ghi chú: " + s.note + "\n";
  }
  return out;
}

}  // namespace caunoi::reports
