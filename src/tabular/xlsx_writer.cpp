// tabular/xlsx_writer.cpp — XlsxWriter over libxlsxwriter (see xlsx_writer.h for the choices).
#include "tabular/xlsx_writer.h"

#include <xlsxwriter.h>

#include <unistd.h>
#include <array>
#include <atomic>
#include <fstream>
#include <sstream>

#include "common/error.h"
#include "tabular/xlsx_reader.h"

// libxlsxwriter 1.1.5 (Debian 12) never frees the copy it makes of a list validation's source
// formula (24 bytes a workbook, lxw_strdup in worksheet_data_validation_range). The leak is the
// library's, bounded and harmless; this tells LeakSanitizer so in the sanitizer builds, rather
// than giving up the drop-down lists of the import templates.
#if defined(__SANITIZE_ADDRESS__)  // GCC
#define CAUNOI_ASAN 1
#elif defined(__has_feature)  // clang
#if __has_feature(address_sanitizer)
#define CAUNOI_ASAN 1
#endif
#endif
#ifdef CAUNOI_ASAN
extern "C" const char* __lsan_default_suppressions() {
  return "leak:lxw_strdup\n";
}
#endif

namespace caunoi::tabular {

namespace {

constexpr size_t kStyles = static_cast<size_t>(Style::text_entry) + 1;

[[noreturn]] void fail(const char* what, lxw_error e) {
  throw Error(ErrorKind::internal, "xlsx_write_failed",
              std::string("Không ghi được tệp Excel (") + what + "): " + lxw_strerror(e));
}

void check(const char* what, lxw_error e) {
  if (e != LXW_NO_ERROR) fail(what, e);
}

std::string sheet_name(std::string_view name) {
  std::string out;
  for (char c : name)
    out += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '-';
  if (out.empty()) out = "Sheet";
  // 31 characters, not bytes: cut at a UTF-8 boundary.
  size_t chars = 0, i = 0;
  for (; i < out.size(); ++i) {
    if ((static_cast<unsigned char>(out[i]) & 0xC0) != 0x80 && ++chars > 31) break;
  }
  out.resize(i);
  return out;
}

std::filesystem::path temp_path() {
  static std::atomic<unsigned> counter{0};
  return std::filesystem::temp_directory_path() /
         ("caunoi-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".xlsx");
}

}  // namespace

struct XlsxSheet::Impl {
  lxw_worksheet* ws = nullptr;
  const std::array<lxw_format*, kStyles>* formats = nullptr;
  lxw_format* f(Style s) const { return (*formats)[static_cast<size_t>(s)]; }
};

struct XlsxWriter::Impl {
  std::filesystem::path path;
  lxw_workbook* wb = nullptr;
  std::array<lxw_format*, kStyles> formats{};
  std::vector<std::unique_ptr<XlsxSheet::Impl>> sheet_impls;
  std::vector<std::unique_ptr<XlsxSheet>> sheets;
  bool closed = false;

  void close() {
    if (closed) throw Error(ErrorKind::internal, "xlsx_closed", "Tệp Excel đã được đóng.");
    closed = true;
    check("đóng tệp", workbook_close(wb));
  }
  ~Impl() {
    if (!closed) workbook_close(wb);
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

XlsxWriter::XlsxWriter(bool constant_memory) : impl_(std::make_unique<Impl>()) {
  impl_->path = temp_path();
  lxw_workbook_options opt{};
  opt.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  std::string tmpdir = std::filesystem::temp_directory_path().string();
  opt.tmpdir = tmpdir.data();
  impl_->wb = workbook_new_opt(impl_->path.c_str(), &opt);
  if (!impl_->wb) fail("tạo tệp", LXW_ERROR_CREATING_TMPFILE);

  auto add = [&](Style s) {
    lxw_format* f = workbook_add_format(impl_->wb);
    format_set_font_name(f, "Times New Roman");  // what BHXH documents use; has every diacritic
    format_set_font_size(f, 12);
    impl_->formats[static_cast<size_t>(s)] = f;
    return f;
  };
  add(Style::plain);
  lxw_format* h = add(Style::header);
  format_set_bold(h);
  format_set_bg_color(h, 0xD9D9D9);
  format_set_border(h, LXW_BORDER_THIN);
  format_set_text_wrap(h);
  format_set_align(h, LXW_ALIGN_CENTER);
  format_set_align(h, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* t = add(Style::title);
  format_set_bold(t);
  format_set_font_size(t, 14);
  format_set_align(t, LXW_ALIGN_CENTER);
  format_set_bold(add(Style::bold));
  format_set_num_format(add(Style::integer), "#,##0");
  lxw_format* ib = add(Style::integer_bold);
  format_set_num_format(ib, "#,##0");
  format_set_bold(ib);
  format_set_num_format(add(Style::decimal1), "#,##0.0");
  format_set_num_format(add(Style::decimal2), "#,##0.00");
  format_set_num_format(add(Style::percent), "0.00%");
  format_set_num_format(add(Style::percent1), "0.0%");
  format_set_num_format(add(Style::date), "dd/mm/yyyy");
  format_set_num_format(add(Style::text_entry), "@");
  lxw_format* n = add(Style::note);
  format_set_italic(n);
  format_set_font_color(n, 0x595959);
}

XlsxWriter::~XlsxWriter() = default;

XlsxSheet& XlsxWriter::add_sheet(std::string_view name) {
  std::string n = sheet_name(name);
  lxw_worksheet* ws = workbook_add_worksheet(impl_->wb, n.c_str());
  if (!ws) {
    throw invalid("xlsx_bad_sheet_name", "Tên trang tính không hợp lệ hoặc bị trùng: " + n);
  }
  auto si = std::make_unique<XlsxSheet::Impl>();
  si->ws = ws;
  si->formats = &impl_->formats;
  impl_->sheets.push_back(std::unique_ptr<XlsxSheet>(new XlsxSheet(si.get())));
  impl_->sheet_impls.push_back(std::move(si));
  return *impl_->sheets.back();
}

std::string XlsxWriter::finish() {
  impl_->close();
  std::ifstream in(impl_->path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

void XlsxWriter::save(const std::filesystem::path& path) {
  impl_->close();
  std::error_code ec;
  std::filesystem::rename(impl_->path, path, ec);
  if (ec) {  // another file system: copy instead
    std::filesystem::copy_file(impl_->path, path,
                               std::filesystem::copy_options::overwrite_existing);
  }
}

void XlsxSheet::text(int row, int col, std::string_view value, Style s) {
  std::string v(value);  // libxlsxwriter wants a terminated string
  check("ghi ô", worksheet_write_string(impl_->ws, row, col, v.c_str(), impl_->f(s)));
}

void XlsxSheet::number(int row, int col, double value, Style s) {
  check("ghi ô", worksheet_write_number(impl_->ws, row, col, value, impl_->f(s)));
}

void XlsxSheet::date(int row, int col, Date value, Style s) {
  // Written as the serial number with a date format: that is all an Excel date is, and it
  // avoids libxlsxwriter's datetime struct (which counts from 1900 the same way).
  check("ghi ô",
        worksheet_write_number(impl_->ws, row, col, date_to_excel_serial(value), impl_->f(s)));
}

void XlsxSheet::blank(int row, int col, Style s) {
  check("ghi ô", worksheet_write_blank(impl_->ws, row, col, impl_->f(s)));
}

void XlsxSheet::texts(int row, const std::vector<std::string>& values, Style s) {
  for (size_t c = 0; c < values.size(); ++c) text(row, static_cast<int>(c), values[c], s);
}

void XlsxSheet::merge(int first_row, int first_col, int last_row, int last_col,
                      std::string_view value, Style s) {
  std::string v(value);
  check("gộp ô", worksheet_merge_range(impl_->ws, first_row, first_col, last_row, last_col,
                                       v.c_str(), impl_->f(s)));
}

void XlsxSheet::column_width(int first_col, int last_col, double width) {
  check("độ rộng cột", worksheet_set_column(impl_->ws, first_col, last_col, width, nullptr));
}

void XlsxSheet::column_width(int first_col, int last_col, double width, Style s) {
  check("độ rộng cột", worksheet_set_column(impl_->ws, first_col, last_col, width, impl_->f(s)));
}

void XlsxSheet::freeze(int rows, int cols) {
  worksheet_freeze_panes(impl_->ws, rows, cols);
}

void XlsxSheet::autofilter(int first_row, int first_col, int last_row, int last_col) {
  check("bộ lọc", worksheet_autofilter(impl_->ws, first_row, first_col, last_row, last_col));
}

void XlsxSheet::list_validation(int first_row, int col, int last_row,
                                const std::vector<std::string>& values,
                                std::string_view source_range) {
  lxw_data_validation dv{};
  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.ignore_blank = LXW_VALIDATION_ON;
  size_t total = 0;
  for (const auto& v : values) total += v.size() + 1;
  std::vector<char*> list;  // libxlsxwriter's struct takes non-const pointers, reads only
  std::string formula;
  if (total <= 255) {
    for (const auto& v : values) list.push_back(const_cast<char*>(v.c_str()));
    list.push_back(nullptr);
    dv.value_list = list.data();
  } else if (!source_range.empty()) {
    formula.reserve(source_range.size() + 1);  // append, not operator+: GCC 12 -Wrestrict bug
    formula.append("=").append(source_range);
    dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;  // TYPE_LIST insists on an inline list
    dv.value_formula = formula.data();
  } else {
    return;  // Excel would reject an inline list this long; without a source range, no list
  }
  check("danh sách chọn",
        worksheet_data_validation_range(impl_->ws, first_row, col, last_row, col, &dv));
}

void XlsxSheet::comment(int row, int col, std::string_view value) {
  std::string v(value);
  check("ghi chú", worksheet_write_comment(impl_->ws, row, col, v.c_str()));
}

}  // namespace caunoi::tabular
