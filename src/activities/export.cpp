// activities/export.cpp — see export.h.
#include "activities/export.h"

#include "activities/import.h"
#include "common/error.h"
#include "tabular/csv_writer.h"
#include "tabular/xlsx_writer.h"

namespace caunoi::activities {

namespace {

// Labels of a list of codes, joined the way the import splits them.
std::string labels(const Reference& ref, const char* list, const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : "; ") + ref.label(list, c);
  return out;
}

// The figure columns: those of the filtered kind, else every figure.
std::vector<const RefEntry*> figure_columns(const Reference& ref, const std::string& kind) {
  std::vector<const RefEntry*> out;
  for (const auto& f : ref.entries("figure")) {
    if (kind.empty() || ref.kind_takes(kind, f.code)) out.push_back(&f);
  }
  return out;
}

std::vector<std::string> headings(const std::vector<const RefEntry*>& figs) {
  std::vector<std::string> h = {"Mã tham chiếu", "Ngày",       "Đến ngày",       "Đơn vị báo cáo",
                                "Đơn vị",        "Tên đơn vị", "Loại hoạt động", "Kênh",
                                "Đối tượng",     "Chủ đề",     "Ngôn ngữ",       "Đơn vị phối hợp",
                                "Tên hoạt động", "Ghi chú"};
  for (const auto* f : figs) h.push_back(f->label);
  return h;
}

// The text cells of one row, in heading order (dates and figures are written by the caller).
std::vector<std::string> text_cells(const Activity& a, const Reference& ref,
                                    const places::Gazetteer& g) {
  const places::Unit* u = g.find(a.place);
  return {a.external_ref.empty() ? "caunoi:" + std::to_string(a.id) : a.external_ref,
          a.date_from.vi(),
          a.date_to.vi(),
          a.reporting_unit,
          a.place,
          u ? g.display_name(*u) : a.place,
          ref.label("kind", a.kind),
          a.channel.empty() ? "" : ref.label("channel", a.channel),
          labels(ref, "group", a.groups),
          labels(ref, "topic", a.topics),
          labels(ref, "language", a.languages),
          labels(ref, "partner", a.partners),
          a.title,
          a.note};
}

}  // namespace

std::string export_csv(store::Connection& c, const Reference& ref, const places::Gazetteer& g,
                       const Filter& f) {
  auto figs = figure_columns(ref, f.kind);
  tabular::CsvWriter w(';');
  w.row(headings(figs));
  repo::each(c, g, f, [&](const Activity& a) {
    for (const auto& cell : text_cells(a, ref, g)) w.field(cell);
    for (const auto* fig : figs) {
      auto v = a.figure(fig->code);
      if (v) {
        w.field(*v);
      } else {
        w.field("");
      }
    }
    w.end_row();
  });
  return w.take();
}

std::string export_xlsx(store::Connection& c, const Reference& ref, const places::Gazetteer& g,
                        const Filter& f) {
  auto figs = figure_columns(ref, f.kind);
  tabular::XlsxWriter w(/*constant_memory=*/true);
  auto& s = w.add_sheet("Hoạt động");
  auto heads = headings(figs);
  s.column_width(0, 0, 22);
  s.column_width(1, 2, 12);
  s.column_width(3, 4, 12);
  s.column_width(5, 6, 30);
  s.column_width(7, 13, 20);
  s.column_width(14, static_cast<int>(heads.size()) - 1, 14);
  s.freeze(1, 0);
  s.texts(0, heads, tabular::Style::header);
  int row = 1;
  constexpr int kMaxRows = 1048575;  // Excel's limit below the heading
  repo::each(c, g, f, [&](const Activity& a) {
    if (row > kMaxRows) {
      throw Error(ErrorKind::too_large, "export_too_large",
                  "Danh sách vượt quá 1.048.575 dòng, giới hạn của Excel. Hãy lọc hẹp hơn hoặc "
                  "xuất CSV.");
    }
    auto cells = text_cells(a, ref, g);
    for (size_t i = 0; i < cells.size(); ++i) {
      int col = static_cast<int>(i);
      if (i == 1) {
        s.date(row, col, a.date_from);
      } else if (i == 2) {
        s.date(row, col, a.date_to);
      } else if (!cells[i].empty()) {
        s.text(row, col, cells[i]);
      }
    }
    for (size_t k = 0; k < figs.size(); ++k) {
      if (auto v = a.figure(figs[k]->code)) {
        s.number(row, static_cast<int>(cells.size() + k), static_cast<double>(*v));
      }
    }
    ++row;
  });
  return w.finish();
}

std::string template_xlsx(const Reference& ref, const std::string& kind) {
  const RefEntry* k = nullptr;
  if (!kind.empty()) {
    k = ref.find("kind", kind);
    if (!k) throw not_found("kind_not_found", "Không có loại hoạt động \"" + kind + "\".");
  }
  auto figs = figure_columns(ref, kind);
  auto heads = headings(figs);
  tabular::XlsxWriter w;
  auto& s = w.add_sheet("Nhập liệu");
  s.texts(0, heads, tabular::Style::header);
  // Reference, dates and unit codes stay as typed: Excel would otherwise drop the zeros of
  // "04270" and read "05/03/2022" by the computer's locale, as 3 May on an English Windows.
  s.column_width(0, 4, 18, tabular::Style::text_entry);
  s.column_width(5, static_cast<int>(heads.size()) - 1, 18);
  s.freeze(1, 0);
  const std::vector<std::string> notes = {
      "Không bắt buộc. Mã riêng của dòng: nhập lại cùng tệp không tạo bản ghi trùng.",
      "Bắt buộc. Ngày tổ chức (ngày/tháng/năm), không sau hôm nay.",
      "Không bắt buộc. Ngày kết thúc nếu hoạt động kéo dài nhiều ngày.",
      "Không bắt buộc. Mã đơn vị báo cáo (mặc định: tỉnh của địa bàn).",
      "Bắt buộc. Mã đơn vị hành chính (ví dụ 15 = Yên Bái trước 01/07/2025) hoặc tên "
      "(\"Xã Tả Van, Lào Cai\"). Trước 01/07/2025 dùng đơn vị cũ, từ 01/07/2025 đơn vị mới.",
      "Không bắt buộc, bỏ qua khi nhập: tên đơn vị để dễ đọc.",
      "Bắt buộc. Tên hoặc mã loại hoạt động (xem trang Danh mục).",
      "Bắt buộc với tin bài báo chí, đăng tải trực tuyến; để trống với loại khác.",
      "Nhóm đối tượng, cách nhau bằng dấu chấm phẩy (;).",
      "Chủ đề, cách nhau bằng dấu chấm phẩy (;).",
      "Ngôn ngữ; để trống là tiếng Việt.",
      "Đơn vị phối hợp, cách nhau bằng dấu chấm phẩy (;).",
      "Không bắt buộc.",
      "Không bắt buộc."};
  for (size_t i = 0; i < notes.size(); ++i) s.comment(0, static_cast<int>(i), notes[i]);
  for (size_t i = 0; i < figs.size(); ++i) {
    s.comment(0, static_cast<int>(notes.size() + i),
              "Số nguyên không âm. Chỉ điền chỉ số phù hợp với loại hoạt động.");
  }
  // Drop-down lists read from the Danh mục sheet (inline lists are limited to 255 characters).
  const auto& kinds = ref.entries("kind");
  std::vector<std::string> kind_labels;
  for (const auto& e : kinds) kind_labels.push_back(e.label);
  if (k) {
    s.list_validation(1, 6, 5000, {k->label});
  } else {
    s.list_validation(1, 6, 5000, kind_labels,
                      "'Danh mục'!$C$2:$C$" + std::to_string(1 + kinds.size()));
  }
  std::vector<std::string> chans;
  for (const auto& ch : k ? ref.channels_of(k->code) : std::vector<std::string>{}) {
    chans.push_back(ref.label("channel", ch));
  }
  if (!chans.empty()) s.list_validation(1, 7, 5000, chans);

  auto& d = w.add_sheet("Danh mục");
  d.texts(0, {"Danh mục", "Mã", "Tên", "Chỉ số / kênh áp dụng"}, tabular::Style::header);
  d.column_width(0, 1, 18);
  d.column_width(2, 2, 50);
  d.column_width(3, 3, 60);
  int row = 1;
  const std::pair<const char*, const char*> lists[] = {
      {"kind", "Loại hoạt động"},    {"figure", "Chỉ số"}, {"channel", "Kênh"},
      {"group", "Đối tượng"},        {"topic", "Chủ đề"},  {"language", "Ngôn ngữ"},
      {"partner", "Đơn vị phối hợp"}};
  for (const auto& [list, name] : lists) {
    for (const auto& e : ref.entries(list)) {
      d.text(row, 0, name);
      d.text(row, 1, e.code);
      d.text(row, 2, e.label);
      if (std::string_view(list) == "kind") {
        std::string takes;
        for (const auto& fc : ref.figures_of(e.code))
          takes += (takes.empty() ? "" : "; ") + ref.label("figure", fc);
        if (!ref.channels_of(e.code).empty()) {
          takes += " — kênh: " + labels(ref, "channel", ref.channels_of(e.code));
        }
        d.text(row, 3, takes);
      }
      ++row;
    }
  }

  auto& h = w.add_sheet("Hướng dẫn");
  h.column_width(0, 0, 110);
  const char* lines[] = {
      "Hướng dẫn nhập hoạt động truyền thông",
      "1. Mỗi dòng của trang \"Nhập liệu\" là một hoạt động (hoặc một nhóm hoạt động cùng loại, "
      "cùng địa bàn, cùng ngày/tháng).",
      "2. Tên cột có thể viết có dấu hoặc không dấu, chữ hoa hoặc thường; không thêm cột khác.",
      "3. Cả tệp được nhập hoặc không dòng nào được nhập: nếu có lỗi, hệ thống liệt kê từng dòng, "
      "từng cột bị lỗi để sửa.",
      "4. Nhập lại cùng một tệp không tạo bản ghi trùng.",
      "5. Có thể lưu tệp dạng CSV (UTF-8), dấu phân cách là dấu phẩy hoặc dấu chấm phẩy."};
  int r = 0;
  for (const char* line : lines) {
    h.text(r, 0, line, r == 0 ? tabular::Style::title : tabular::Style::plain);
    ++r;
  }
  if (k) h.text(r + 1, 0, "Mẫu dành cho loại hoạt động: " + k->label, tabular::Style::bold);
  return w.finish();
}

}  // namespace caunoi::activities
