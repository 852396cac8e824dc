// tabular/xlsx_reader.cpp — streaming .xlsx reader (see xlsx_reader.h).
//
// Parts are inflated chunk by chunk (libzip) straight into expat, so a 100 MB sheet never sits
// in memory whole; only the shared-string table does, as Excel's own readers keep it. Expat is C:
// a C++ exception must not unwind through it, so handlers catch, stop the parser and the
// exception is thrown again once XML_Parse has returned.
#include "tabular/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <memory>

#include "common/error.h"

namespace caunoi::tabular {

namespace {

constexpr int kMaxColumns = 16384;  // Excel's limit (XFD)
constexpr long kMaxRows = 1048576;  // Excel's limit

[[noreturn]] void bad_zip() {
  throw invalid("xlsx_bad_zip",
                "Tệp không phải tệp Excel (.xlsx) hợp lệ: không đọc được nội dung nén.");
}
[[noreturn]] void bad_xml(const std::string& part, const std::string& why) {
  throw invalid("xlsx_bad_xml", "Tệp Excel bị hỏng (" + part + "): " + why + ".");
}

std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const XML_Char* attr(const XML_Char** atts, std::string_view want) {
  for (size_t i = 0; atts[i]; i += 2) {
    if (local_name(atts[i]) == want) return atts[i + 1];
  }
  return nullptr;
}

// An open archive in memory.
class Archive {
 public:
  Archive(std::string_view data, size_t max_part) : max_part_(max_part) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(data.data(), data.size(), 0, &err);
    if (!src) bad_zip();
    za_ = zip_open_from_source(src, ZIP_RDONLY, &err);
    zip_error_fini(&err);
    if (!za_) {
      zip_source_free(src);
      bad_zip();
    }
  }
  ~Archive() {
    if (za_) zip_discard(za_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  bool has(const std::string& name) const { return zip_name_locate(za_, name.c_str(), 0) >= 0; }

  // Feeds the part to `sink(chunk, is_last)` as it inflates. False if the part does not exist.
  template <class Sink>
  bool stream(const std::string& name, Sink&& sink) const {
    zip_int64_t idx = zip_name_locate(za_, name.c_str(), 0);
    if (idx < 0) idx = zip_name_locate(za_, name.c_str(), ZIP_FL_NOCASE);
    if (idx < 0) return false;
    zip_stat_t st;
    if (zip_stat_index(za_, idx, 0, &st) != 0) bad_zip();
    if ((st.valid & ZIP_STAT_SIZE) && st.size > max_part_) too_large(name);
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(za_, idx, 0), zip_fclose);
    if (!f) bad_zip();
    char buf[1 << 16];
    size_t total = 0;
    for (;;) {
      zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
      if (n < 0) bad_zip();
      total += static_cast<size_t>(n);
      if (total > max_part_) too_large(name);
      if (!sink(std::string_view(buf, static_cast<size_t>(n)), n == 0)) return true;
      if (n == 0) return true;
    }
  }

 private:
  [[noreturn]] static void too_large(const std::string& name) {
    throw Error(ErrorKind::too_large, "xlsx_too_large",
                "Tệp Excel quá lớn khi giải nén (phần " + name + ").");
  }
  zip_t* za_ = nullptr;
  size_t max_part_;
};

// Base of the part parsers: owns the expat parser and the exception relay.
class XmlPart {
 public:
  virtual ~XmlPart() { XML_ParserFree(p_); }

  // Parses one part of the archive; false if it is missing.
  bool parse(const Archive& a, const std::string& name) {
    name_ = name;
    return a.stream(name, [&](std::string_view chunk, bool last) {
      if (stopped_) return false;
      if (XML_Parse(p_, chunk.data(), static_cast<int>(chunk.size()), last) == XML_STATUS_ERROR) {
        if (error_) std::rethrow_exception(error_);
        if (stopped_) return false;
        bad_xml(name_, XML_ErrorString(XML_GetErrorCode(p_)));
      }
      if (error_) std::rethrow_exception(error_);
      return !stopped_;
    });
  }

 protected:
  XmlPart() : p_(XML_ParserCreate("UTF-8")) {
    XML_SetUserData(p_, this);
    XML_SetElementHandler(p_, &start_cb, &end_cb);
    XML_SetCharacterDataHandler(p_, &text_cb);
    // No document type declarations: they are never in OOXML and carry entity tricks.
    XML_SetStartDoctypeDeclHandler(
        p_, [](void* self, const XML_Char*, const XML_Char*, const XML_Char*, int) {
          static_cast<XmlPart*>(self)->fail("có khai báo DOCTYPE");
        });
  }
  virtual void start(std::string_view name, const XML_Char** atts) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(std::string_view) {}
  // Stops reading without error (the caller has what it wanted).
  void stop() {
    stopped_ = true;
    XML_StopParser(p_, XML_FALSE);
  }
  void fail(const std::string& why) {
    try {
      bad_xml(name_, why);
    } catch (...) {
      error_ = std::current_exception();
    }
    XML_StopParser(p_, XML_FALSE);
  }

 private:
  template <class F>
  static void guarded(void* self, F&& f) {
    auto* me = static_cast<XmlPart*>(self);
    if (me->error_ || me->stopped_) return;
    try {
      f(me);
    } catch (...) {
      me->error_ = std::current_exception();
      XML_StopParser(me->p_, XML_FALSE);
    }
  }
  static void start_cb(void* self, const XML_Char* name, const XML_Char** atts) {
    guarded(self, [&](XmlPart* me) { me->start(local_name(name), atts); });
  }
  static void end_cb(void* self, const XML_Char* name) {
    guarded(self, [&](XmlPart* me) { me->end(local_name(name)); });
  }
  static void text_cb(void* self, const XML_Char* s, int len) {
    guarded(self, [&](XmlPart* me) { me->text(std::string_view(s, static_cast<size_t>(len))); });
  }

  XML_Parser p_;
  std::string name_;
  std::exception_ptr error_;
  bool stopped_ = false;
};

// Relationship targets of a .rels part, by id, and the target of the first of a type.
struct Rels : XmlPart {
  std::vector<std::pair<std::string, std::string>> by_id;    // id → target
  std::vector<std::pair<std::string, std::string>> by_type;  // type → target
  void start(std::string_view name, const XML_Char** atts) override {
    if (name != "Relationship") return;
    const char* id = attr(atts, "Id");
    const char* target = attr(atts, "Target");
    const char* type = attr(atts, "Type");
    if (!target) return;
    if (id) by_id.emplace_back(id, target);
    if (type) by_type.emplace_back(type, target);
  }
  void end(std::string_view) override {}
  std::string of_type_suffix(std::string_view suffix) const {
    for (const auto& [type, target] : by_type) {
      if (type.size() >= suffix.size() && type.ends_with(suffix)) return target;
    }
    return "";
  }
  std::string of_id(std::string_view id) const {
    for (const auto& [i, target] : by_id) {
      if (i == id) return target;
    }
    return "";
  }
};

// Joins a relationship target to the folder of the part that names it.
std::string resolve(const std::string& base_dir, const std::string& target) {
  if (target.empty()) return "";
  if (target[0] == '/') return target.substr(1);
  std::vector<std::string> parts;
  std::string path = base_dir + target, seg;
  for (size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || path[i] == '/') {
      if (seg == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!seg.empty() && seg != ".") {
        parts.push_back(seg);
      }
      seg.clear();
    } else {
      seg += path[i];
    }
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

std::string dir_of(const std::string& part) {
  size_t slash = part.rfind('/');
  return slash == std::string::npos ? "" : part.substr(0, slash + 1);
}

struct WorkbookSheets : XmlPart {
  std::vector<std::pair<std::string, std::string>> sheets;  // name → relationship id
  void start(std::string_view name, const XML_Char** atts) override {
    if (name != "sheet") return;
    const char* n = attr(atts, "name");
    const char* id = attr(atts, "id");  // r:id
    if (n && id) sheets.emplace_back(n, id);
  }
  void end(std::string_view) override {}
};

struct SharedStrings : XmlPart {
  std::vector<std::string> strings;
  std::string cur;
  int depth_rph = 0;  // inside <rPh> (phonetic hints): not part of the text
  bool in_t = false;
  void start(std::string_view name, const XML_Char**) override {
    if (name == "si")
      cur.clear();
    else if (name == "rPh")
      ++depth_rph;
    else if (name == "t")
      in_t = depth_rph == 0;
  }
  void end(std::string_view name) override {
    if (name == "si")
      strings.push_back(cur);
    else if (name == "rPh")
      --depth_rph;
    else if (name == "t")
      in_t = false;
  }
  void text(std::string_view s) override {
    if (in_t) cur += s;
  }
};

bool format_is_date(std::string_view code) {
  bool quoted = false, bracket = false;
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"')
      quoted = !quoted;
    else if (quoted)
      continue;
    else if (c == '[')
      bracket = true;
    else if (c == ']')
      bracket = false;
    else if (bracket)
      continue;
    else if (c == '\\')
      ++i;
    else if (c == 'd' || c == 'D' || c == 'y' || c == 'Y')
      return true;
  }
  return false;
}

bool builtin_is_date(long id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
         (id >= 50 && id <= 58);
}

struct Styles : XmlPart {
  std::vector<std::pair<long, bool>> custom;  // numFmtId → is a date format
  std::vector<long> xf_fmt;                   // cellXfs index → numFmtId
  bool in_cell_xfs = false;
  void start(std::string_view name, const XML_Char** atts) override {
    if (name == "numFmt") {
      const char* id = attr(atts, "numFmtId");
      const char* code = attr(atts, "formatCode");
      if (id && code) custom.emplace_back(std::atol(id), format_is_date(code));
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      const char* id = attr(atts, "numFmtId");
      xf_fmt.push_back(id ? std::atol(id) : 0);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs = false;
  }
  std::vector<bool> date_styles() const {
    std::vector<bool> out;
    for (long f : xf_fmt) {
      bool d = builtin_is_date(f);
      for (const auto& [id, is_date] : custom) {
        if (id == f) d = is_date;
      }
      out.push_back(d);
    }
    return out;
  }
};

std::string number_text(std::string_view v, bool is_date) {
  if (!is_date) return std::string(v);
  double serial = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), serial);
  if (ec != std::errc() || ptr != v.data() + v.size()) return std::string(v);
  auto d = excel_serial_to_date(serial);
  return d ? d->iso() : std::string(v);
}

class SheetReader : public XmlPart {
 public:
  SheetReader(const std::vector<std::string>& shared, const std::vector<bool>& date_styles,
              const RowFn& fn)
      : shared_(shared), date_styles_(date_styles), fn_(fn) {}

 private:
  void start(std::string_view name, const XML_Char** atts) override {
    if (name == "row") {
      const char* r = attr(atts, "r");
      long n = r ? std::atol(r) : row_ + 1;
      if (n < 1 || n > kMaxRows) fail("số hàng không hợp lệ");
      row_ = n;
      cells_.clear();
      next_col_ = 0;
      in_row_ = true;
    } else if (name == "c" && in_row_) {
      const char* r = attr(atts, "r");
      int col = next_col_;
      long row;
      if (r && !parse_cell_ref(r, col, row)) fail(std::string("địa chỉ ô không hợp lệ: ") + r);
      if (col >= kMaxColumns) fail("quá nhiều cột");
      col_ = col;
      next_col_ = col + 1;
      const char* t = attr(atts, "t");
      type_ = t ? t : "n";
      const char* s = attr(atts, "s");
      long style = s ? std::atol(s) : 0;
      is_date_ = style >= 0 && static_cast<size_t>(style) < date_styles_.size() &&
                 date_styles_[static_cast<size_t>(style)];
      value_.clear();
      in_cell_ = true;
    } else if (in_cell_ && (name == "v" || (name == "t" && type_ == "inlineStr"))) {
      if (name == "t" && depth_rph_ == 0) in_text_ = true;
      if (name == "v") in_text_ = true;
    } else if (in_cell_ && name == "rPh") {
      ++depth_rph_;
    }
  }

  void end(std::string_view name) override {
    if (name == "v" || name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      --depth_rph_;
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      put(col_, cell_text());
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      views_.assign(cells_.begin(), cells_.end());
      if (!fn_(row_, views_)) stop();
    }
  }

  void text(std::string_view s) override {
    if (in_text_) value_ += s;
  }

  std::string cell_text() const {
    if (type_ == "s") {
      long idx = -1;
      std::from_chars(value_.data(), value_.data() + value_.size(), idx);
      if (idx < 0 || static_cast<size_t>(idx) >= shared_.size()) return "";
      return shared_[static_cast<size_t>(idx)];
    }
    if (type_ == "b") return value_ == "1" ? "TRUE" : "FALSE";
    if (type_ == "n") return number_text(value_, is_date_);
    if (type_ == "d") return value_.substr(0, std::min<size_t>(value_.size(), 10));  // ISO date
    return value_;  // str, inlineStr, e
  }

  void put(int col, std::string v) {
    if (static_cast<size_t>(col) >= cells_.size()) cells_.resize(static_cast<size_t>(col) + 1);
    cells_[static_cast<size_t>(col)] = std::move(v);
  }

  const std::vector<std::string>& shared_;
  const std::vector<bool>& date_styles_;
  const RowFn& fn_;
  std::vector<std::string> cells_;
  std::vector<std::string_view> views_;
  std::string value_, type_;
  long row_ = 0;
  int col_ = 0, next_col_ = 0, depth_rph_ = 0;
  bool in_row_ = false, in_cell_ = false, in_text_ = false, is_date_ = false;
};

struct Workbook {
  std::string path;  // "xl/workbook.xml"
  Rels rels;
  WorkbookSheets sheets;
};

void open_workbook(const Archive& a, Workbook& wb) {
  Rels root;
  root.parse(a, "_rels/.rels");
  wb.path = resolve("", root.of_type_suffix("/officeDocument"));
  if (wb.path.empty()) wb.path = "xl/workbook.xml";
  if (!wb.sheets.parse(a, wb.path)) bad_xml(wb.path, "thiếu phần workbook");
  wb.rels.parse(a, dir_of(wb.path) + "_rels/" + wb.path.substr(dir_of(wb.path).size()) + ".rels");
}

}  // namespace

bool parse_cell_ref(std::string_view ref, int& col, long& row) {
  size_t i = 0;
  long c = 0;
  while (i < ref.size() && std::isalpha(static_cast<unsigned char>(ref[i]))) {
    c = c * 26 + (std::toupper(static_cast<unsigned char>(ref[i])) - 'A' + 1);
    if (c > kMaxColumns) return false;
    ++i;
  }
  if (i == 0 || i == ref.size()) return false;
  long r = 0;
  for (; i < ref.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(ref[i]))) return false;
    r = r * 10 + (ref[i] - '0');
    if (r > kMaxRows) return false;
  }
  if (r < 1) return false;
  col = static_cast<int>(c - 1);
  row = r;
  return true;
}

std::optional<Date> excel_serial_to_date(double serial) {
  if (!std::isfinite(serial) || serial < 1 || serial >= 2958466) return std::nullopt;
  long days = static_cast<long>(std::floor(serial));
  // Excel believes 1900 was a leap year: serial 60 is the phantom 29/02/1900.
  if (days == 60) return Date{1900, 2, 28};
  if (days < 60) ++days;
  return Date{1899, 12, 30}.add_days(days);
}

double date_to_excel_serial(Date d) {
  long serial = d.days() - Date{1899, 12, 30}.days();
  if (serial <= 60) --serial;  // before the phantom day
  return static_cast<double>(serial);
}

std::vector<std::string> xlsx_sheet_names(std::string_view data) {
  Archive a(data, XlsxOptions{}.max_part_bytes);
  Workbook wb;
  open_workbook(a, wb);
  std::vector<std::string> out;
  for (const auto& s : wb.sheets.sheets) out.push_back(s.first);
  return out;
}

void read_xlsx(std::string_view data, const RowFn& fn, const XlsxOptions& opt) {
  Archive a(data, opt.max_part_bytes);
  Workbook wb;
  open_workbook(a, wb);
  if (wb.sheets.sheets.empty()) bad_xml(wb.path, "không có trang tính nào");
  const std::pair<std::string, std::string>* chosen = &wb.sheets.sheets.front();
  if (!opt.sheet.empty()) {
    chosen = nullptr;
    std::string names;
    for (const auto& s : wb.sheets.sheets) {
      if (s.first == opt.sheet) chosen = &s;
      names += (names.empty() ? "" : ", ") + ("\"" + s.first + "\"");
    }
    if (!chosen) {
      throw invalid("xlsx_no_sheet", "Không có trang tính \"" + opt.sheet +
                                         "\" trong tệp. Các trang tính có: " + names + ".");
    }
  }
  const std::string base = dir_of(wb.path);
  std::string sheet_part = resolve(base, wb.rels.of_id(chosen->second));
  if (sheet_part.empty()) bad_xml(wb.path, "không tìm thấy trang tính " + chosen->first);

  SharedStrings shared;
  std::string ss_part = resolve(base, wb.rels.of_type_suffix("/sharedStrings"));
  shared.parse(a, ss_part.empty() ? base + "sharedStrings.xml" : ss_part);
  Styles styles;
  std::string st_part = resolve(base, wb.rels.of_type_suffix("/styles"));
  styles.parse(a, st_part.empty() ? base + "styles.xml" : st_part);
  std::vector<bool> date_styles = styles.date_styles();

  SheetReader reader(shared.strings, date_styles, fn);
  if (!reader.parse(a, sheet_part)) bad_xml(sheet_part, "thiếu trang tính");
}

}  // namespace caunoi::tabular
