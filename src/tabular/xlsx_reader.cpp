// tabular/xlsx_reader.cpp — streaming .xlsx reader (see xlsx_reader.h).
//
// Parts are inflated chunk by chunk (libzip) straight into expat, so a 100 MB sheet never sits
// in memory whole; only the shared-string table does, as Excel's own readers keep it, in one
// block of text with an offset per string (a std::string each cost 32 bytes more: 100 MB of
// short strings held 1.1 GB). XlsxLimits bounds both what is unpacked (counted as it streams,
// since the sizes an archive declares can lie) and what is held. Expat is C: a C++ exception
// must not unwind through it, so handlers catch, stop the parser and the exception is thrown
// again once XML_Parse has returned.
#include "tabular/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <memory>

#include "common/error.h"
#include "common/format_vi.h"

namespace caunoi::tabular {

namespace {

constexpr int kMaxColumns = 16384;  // Excel's limit (XFD)
constexpr long kMaxRows = 1048576;  // Excel's limit

[[noreturn]] void bad_zip() {
  throw invalid("xlsx_bad_zip",
                "Tệp không phải tệp Excel (.xlsx) hợp lệ: không đọc được nội dung nén.");
}

// An OLE compound file (magic D0 CF 11 E0) is not a ZIP: either an .xlsx encrypted with a
// password (its streams are "EncryptionInfo" and "EncryptedPackage", names in UTF-16) or a
// workbook in the old binary format (.xls). Both are refused by name, not as a damaged file.
void refuse_compound_file(std::string_view data) {
  static constexpr unsigned char kMagic[] = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
  if (data.size() < sizeof kMagic || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0) return;
  static constexpr char16_t kName[] = u"EncryptedPackage";
  std::string utf16le;
  for (char16_t ch : std::u16string_view(kName)) {
    utf16le += static_cast<char>(ch & 0xFF);
    utf16le += static_cast<char>(ch >> 8);
  }
  if (data.find(utf16le) != std::string_view::npos)
    throw invalid("xlsx_protected",
                  "Tệp Excel được bảo vệ bằng mật khẩu nên không đọc được. Hãy mở tệp bằng Excel, "
                  "bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, "
                  "xóa mật khẩu), lưu lại rồi tải lên lần nữa.");
  throw invalid("xlsx_old_format",
                "Tệp là sổ Excel định dạng cũ (.xls), không phải .xlsx. Hãy mở bằng Excel hoặc "
                "LibreOffice, chọn Lưu thành… → Sổ làm việc Excel (.xlsx), rồi tải lên lại.");
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

// "64 MiB", "164 KiB": sizes as the messages give them.
std::string size_text(uint64_t n) {
  if (n >= (uint64_t{1} << 20)) {
    return format_decimal_vi(static_cast<double>(n) / (1 << 20), n % (1 << 20) ? 1 : 0) + " MiB";
  }
  return format_int_vi(static_cast<int64_t>((n + 1023) / 1024)) + " KiB";
}

// What the reader keeps in memory, against XlsxLimits::held_bytes.
class Held {
 public:
  explicit Held(uint64_t cap) : cap_(cap) {}
  void take(uint64_t n, const char* what) {
    check(n, what);
    used_ += n;
  }
  // Throws if `n` more would not fit.
  void check(uint64_t n, const char* what) const {
    if (used_ + n > cap_) {
      throw Error(ErrorKind::too_large, "xlsx_too_much_text",
                  std::string("Tệp Excel có quá nhiều dữ liệu phải giữ trong bộ nhớ khi đọc (") +
                      what + "): vượt quá giới hạn " + size_text(cap_) +
                      ". Hãy chia tệp thành nhiều tệp nhỏ hơn hoặc lưu thành CSV.");
    }
  }
  void reset() { used_ = 0; }
  uint64_t used() const { return used_; }

 private:
  uint64_t cap_, used_ = 0;
};

// An open archive in memory, with the count of what it has unpacked.
class Archive {
 public:
  Archive(std::string_view data, const XlsxLimits& limits)
      : limits_(limits), file_bytes_(data.size()), held_(limits.held_bytes) {
    // Saturating: ratio × size must not wrap round to a small number.
    uint64_t by_ratio = limits.ratio != 0 && file_bytes_ > UINT64_MAX / limits.ratio
                            ? UINT64_MAX
                            : limits.ratio * file_bytes_;
    part_cap_ = std::min(limits.part_bytes, std::max(limits.ratio_floor, by_ratio));
    refuse_compound_file(data);
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

  Held& held() { return held_; }

  // Feeds the part to `sink(chunk, is_last)` as it inflates. False if the part does not exist.
  template <class Sink>
  bool stream(const std::string& name, Sink&& sink) {
    zip_int64_t idx = zip_name_locate(za_, name.c_str(), 0);
    if (idx < 0) idx = zip_name_locate(za_, name.c_str(), ZIP_FL_NOCASE);
    if (idx < 0) {
      // Some writers store Windows paths ("xl\\workbook.xml"); Excel opens those files.
      std::string windows = name;
      std::replace(windows.begin(), windows.end(), '/', '\\');
      idx = zip_name_locate(za_, windows.c_str(), ZIP_FL_NOCASE);
    }
    if (idx < 0) return false;
    zip_stat_t st;
    if (zip_stat_index(za_, idx, 0, &st) != 0) bad_zip();
    // The directory's word first, so an honest bomb costs nothing; then every byte as it comes.
    if (st.valid & ZIP_STAT_SIZE) check(name, st.size);
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(zip_fopen_index(za_, idx, 0), zip_fclose);
    if (!f) bad_zip();
    char buf[1 << 16];
    uint64_t part = 0;
    for (;;) {
      zip_int64_t n = zip_fread(f.get(), buf, sizeof buf);
      if (n < 0) bad_zip();
      part += static_cast<uint64_t>(n);
      check(name, part);
      if (!sink(std::string_view(buf, static_cast<size_t>(n)), n == 0)) break;
      if (n == 0) break;
    }
    unpacked_ += part;
    return true;
  }

 private:
  // `part_bytes` of the part `name` unpacked (or declared): refused beyond the limits.
  void check(const std::string& name, uint64_t part_bytes) const {
    if (part_bytes > part_cap_) {
      bomb("phần " + name + " vượt quá " + size_text(part_cap_));
    }
    if (unpacked_ + part_bytes > limits_.total_bytes) {
      bomb("các phần cộng lại vượt quá " + size_text(limits_.total_bytes) + " (đến phần " + name +
           ")");
    }
  }
  [[noreturn]] void bomb(const std::string& what) const {
    throw Error(ErrorKind::too_large, "xlsx_bomb",
                "Tệp Excel bị từ chối vì giải nén ra quá lớn (dấu hiệu tệp nén độc hại): " + what +
                    ". Giới hạn: mỗi phần tối đa " + std::to_string(limits_.ratio) +
                    " lần cỡ tệp (tệp này " + size_text(file_bytes_) + ", tối thiểu " +
                    size_text(limits_.ratio_floor) + ") và không quá " +
                    size_text(limits_.part_bytes) + "; cả tệp không quá " +
                    size_text(limits_.total_bytes) + ".");
  }

  zip_t* za_ = nullptr;
  const XlsxLimits& limits_;
  uint64_t file_bytes_, part_cap_ = 0, unpacked_ = 0;
  Held held_;
};

// Base of the part parsers: owns the expat parser and the exception relay.
class XmlPart {
 public:
  virtual ~XmlPart() { XML_ParserFree(p_); }

  // Parses one part of the archive; false if it is missing.
  bool parse(Archive& a, const std::string& name) {
    name_ = name;
    held_ = &a.held();
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
  // Counts `n` bytes kept towards XlsxLimits::held_bytes (throws beyond it).
  void hold(uint64_t n, const char* what) { held_->take(n, what); }
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
  Held* held_ = nullptr;
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
    hold(std::strlen(target) + (id ? std::strlen(id) : 0) + (type ? std::strlen(type) : 0) + 128,
         "quan hệ giữa các phần");
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
  bool date1904 = false;  // serials count from 1904-01-01 (old Mac Excel, some exports)
  void start(std::string_view name, const XML_Char** atts) override {
    if (name == "workbookPr") {
      const char* d = attr(atts, "date1904");
      date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
    }
    if (name != "sheet") return;
    const char* n = attr(atts, "name");
    const char* id = attr(atts, "id");  // r:id
    if (!n || !id) return;
    hold(std::strlen(n) + std::strlen(id) + 64, "danh sách trang tính");
    sheets.emplace_back(n, id);
  }
  void end(std::string_view) override {}
};

// OOXML writes characters XML cannot hold as _xHHHH_ ("ABC_x000D_" is "ABC" and a carriage
// return; "_x005F_" is an underscore). Excel shows the character; so do we.
bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
std::string decode_x_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && is_hex(s[i + 2]) &&
        is_hex(s[i + 3]) && is_hex(s[i + 4]) && is_hex(s[i + 5]) && s[i + 6] == '_') {
      unsigned cp = 0;
      std::from_chars(s.data() + i + 2, s.data() + i + 6, cp, 16);
      if (cp < 0x80) {
        out += static_cast<char>(cp);
      } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
      }
      i += 7;
    } else {
      out += s[i++];
    }
  }
  return out;
}

// The strings back to back in one block, each ending at ends[i].
class SharedStrings : public XmlPart {
 public:
  size_t size() const { return ends_.size(); }
  std::string_view at(size_t i) const {
    size_t from = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(from, ends_[i] - from);
  }

 private:
  static constexpr const char* kWhat = "bảng chuỗi dùng chung";
  void start(std::string_view name, const XML_Char**) override {
    if (name == "rPh")
      ++depth_rph_;
    else if (name == "t")
      in_t_ = depth_rph_ == 0;
  }
  void end(std::string_view name) override {
    if (name == "si") {
      hold(sizeof(uint64_t), kWhat);
      const size_t from = ends_.empty() ? 0 : ends_.back();
      if (text_.find("_x", from) != std::string::npos) {
        std::string plain = decode_x_escapes(std::string_view(text_).substr(from));
        text_.resize(from);
        text_ += plain;  // never longer than what it replaces
      }
      ends_.push_back(text_.size());
    } else if (name == "rPh") {
      --depth_rph_;
    } else if (name == "t") {
      in_t_ = false;
    }
  }
  void text(std::string_view s) override {
    if (!in_t_) return;
    hold(s.size(), kWhat);
    text_ += s;
  }

  std::string text_;
  std::vector<uint64_t> ends_;
  int depth_rph_ = 0;  // inside <rPh> (phonetic hints): not part of the text
  bool in_t_ = false;
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
      if (!id || !code) return;
      hold(sizeof(custom[0]), "định dạng ô");
      custom.emplace_back(std::atol(id), format_is_date(code));
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      const char* id = attr(atts, "numFmtId");
      hold(sizeof(long) + 1, "định dạng ô");  // and a bit in date_styles()
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

std::string number_text(std::string_view v, bool is_date, bool date1904) {
  if (!is_date) return std::string(v);
  double serial = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), serial);
  if (ec != std::errc() || ptr != v.data() + v.size()) return std::string(v);
  if (date1904) serial += 1462;  // days from 1899-12-30 to 1904-01-01
  auto d = excel_serial_to_date(serial);
  return d ? d->iso() : std::string(v);
}

class SheetReader : public XmlPart {
 public:
  SheetReader(const SharedStrings& shared, const std::vector<bool>& date_styles, const RowFn& fn,
              uint64_t held_bytes, bool date1904)
      : shared_(shared),
        date_styles_(date_styles),
        fn_(fn),
        row_held_(held_bytes),
        date1904_(date1904) {}

 private:
  void start(std::string_view name, const XML_Char** atts) override {
    if (name == "row") {
      const char* r = attr(atts, "r");
      long n = r ? std::atol(r) : row_ + 1;
      if (n < 1 || n > kMaxRows) fail("số hàng không hợp lệ");
      row_ = n;
      cells_.clear();
      row_held_.reset();
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
      Cell& cell = at(col_);
      if (type_ == "s") {
        cell.shared = shared_text();
        cell.is_shared = true;
      } else {
        cell.own = cell_text();
        row_held_.take(cell.own.size(), kRow);
      }
    } else if (name == "row" && in_row_) {
      in_row_ = false;
      // Views only now: a vector of strings that grew moved them (short ones move their text).
      views_.resize(cells_.size());
      for (size_t i = 0; i < cells_.size(); ++i)
        views_[i] = cells_[i].is_shared ? cells_[i].shared : std::string_view(cells_[i].own);
      if (!fn_(row_, views_)) stop();
    }
  }

  void text(std::string_view s) override {
    if (!in_text_) return;
    // A cell's text is counted as it comes: one inline string may be the whole sheet.
    row_held_.check(value_.size() + s.size(), kRow);
    value_ += s;
  }

  // A shared string is handed on as a view into the table, never copied: a row may name the
  // same long string in each of its 16,384 cells.
  std::string_view shared_text() const {
    long idx = -1;
    std::from_chars(value_.data(), value_.data() + value_.size(), idx);
    if (idx < 0 || static_cast<size_t>(idx) >= shared_.size()) return "";
    return shared_.at(static_cast<size_t>(idx));
  }

  std::string cell_text() const {
    if (type_ == "b") return value_ == "1" ? "TRUE" : "FALSE";
    if (type_ == "n") return number_text(value_, is_date_, date1904_);
    if (type_ == "d") return value_.substr(0, std::min<size_t>(value_.size(), 10));  // ISO date
    if (value_.find("_x") != std::string::npos) return decode_x_escapes(value_);
    return value_;  // str, inlineStr, e
  }

  struct Cell {
    std::string own;
    std::string_view shared;
    bool is_shared = false;
  };
  Cell& at(int col) {
    if (static_cast<size_t>(col) >= cells_.size()) cells_.resize(static_cast<size_t>(col) + 1);
    Cell& c = cells_[static_cast<size_t>(col)];
    c = Cell{};
    return c;
  }

  static constexpr const char* kRow = "một hàng của trang tính";
  const SharedStrings& shared_;
  const std::vector<bool>& date_styles_;
  const RowFn& fn_;
  Held row_held_;  // the text of the current row
  std::vector<Cell> cells_;
  std::vector<std::string_view> views_;
  std::string value_, type_;
  long row_ = 0;
  int col_ = 0, next_col_ = 0, depth_rph_ = 0;
  bool in_row_ = false, in_cell_ = false, in_text_ = false, is_date_ = false;
  bool date1904_ = false;
};

struct Workbook {
  std::string path;  // "xl/workbook.xml"
  Rels rels;
  WorkbookSheets sheets;
};

void open_workbook(Archive& a, Workbook& wb) {
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

std::vector<std::string> xlsx_sheet_names(std::string_view data, const XlsxLimits& limits) {
  Archive a(data, limits);
  Workbook wb;
  open_workbook(a, wb);
  std::vector<std::string> out;
  for (const auto& s : wb.sheets.sheets) out.push_back(s.first);
  return out;
}

void read_xlsx(std::string_view data, const RowFn& fn, const XlsxOptions& opt) {
  Archive a(data, opt.limits);
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

  SheetReader reader(shared, date_styles, fn, opt.limits.held_bytes, wb.sheets.date1904);
  if (!reader.parse(a, sheet_part)) bad_xml(sheet_part, "thiếu trang tính");
}

}  // namespace caunoi::tabular
