// tabular/csv_reader.cpp — the RFC 4180 reader (see csv_reader.h). One pass over the buffer;
// cells are views into it except those with doubled quotes, which are unescaped into scratch
// strings that live until the next row.
#include "tabular/csv_reader.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <fstream>
#include <sstream>
#include <vector>

#include "common/error.h"

namespace caunoi::tabular {

namespace {

std::string_view strip_bom(std::string_view d) {
  if (d.size() >= 3 && d.substr(0, 3) == "\xEF\xBB\xBF") d.remove_prefix(3);
  return d;
}

// Offset of the first byte that breaks UTF-8, or npos.
size_t first_bad_utf8(std::string_view d) {
  const auto* p = reinterpret_cast<const unsigned char*>(d.data());
  size_t n = d.size(), i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

long line_of(std::string_view d, size_t offset) {
  return 1 + static_cast<long>(std::count(d.begin(), d.begin() + offset, '\n'));
}

[[noreturn]] void bad_quote(long row) {
  throw invalid("csv_bad_quote",
                "Tệp CSV lỗi ở dòng " + std::to_string(row) +
                    ": dấu ngoặc kép (\") không đóng hoặc có chữ ngay sau dấu đóng ngoặc.",
                {{"dòng " + std::to_string(row), "Dấu ngoặc kép không hợp lệ.", row}});
}

}  // namespace

char detect_delimiter(std::string_view data) {
  data = strip_bom(data);
  size_t comma = 0, semi = 0, tab = 0;
  bool quoted = false;
  for (char c : data) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    comma += c == ',';
    semi += c == ';';
    tab += c == '\t';
  }
  if (tab > comma && tab > semi) return '\t';
  return semi > comma ? ';' : ',';
}

void read_csv(std::string_view data, const RowFn& fn, const CsvOptions& opt) {
  data = strip_bom(data);
  if (opt.check_utf8) {
    size_t bad = first_bad_utf8(data);
    if (bad != std::string_view::npos) {
      long line = line_of(data, bad);
      throw invalid("csv_bad_utf8",
                    "Tệp CSV không phải mã UTF-8 (lỗi ở dòng " + std::to_string(line) +
                        "). Hãy lưu lại tệp dạng \"CSV UTF-8\".",
                    {{"dòng " + std::to_string(line), "Ký tự không phải UTF-8.", line}});
    }
  }
  const char delim = opt.delimiter ? opt.delimiter : detect_delimiter(data);
  const char* p = data.data();
  const size_t n = data.size();
  std::vector<std::string_view> cells;
  std::deque<std::string> scratch;  // deque: growing it keeps earlier strings where they are
  size_t i = 0;
  long row = 0;
  while (i < n) {
    ++row;
    cells.clear();
    size_t used = 0;
    bool any_quoted = false;
    for (;;) {
      if (i < n && p[i] == '"') {
        any_quoted = true;
        size_t start = ++i;
        bool escaped = false;
        size_t end;
        for (;;) {
          const void* q = std::memchr(p + i, '"', n - i);
          if (!q) bad_quote(row);
          size_t at = static_cast<const char*>(q) - p;
          if (at + 1 < n && p[at + 1] == '"') {
            escaped = true;
            i = at + 2;
            continue;
          }
          end = at;
          i = at + 1;
          break;
        }
        if (i < n && p[i] != delim && p[i] != '\n' && p[i] != '\r') bad_quote(row);
        std::string_view raw(p + start, end - start);
        if (!escaped) {
          cells.push_back(raw);
        } else {
          if (used == scratch.size()) scratch.emplace_back();
          std::string& s = scratch[used++];
          s.clear();
          for (size_t k = 0; k < raw.size(); ++k) {
            s += raw[k];
            if (raw[k] == '"') ++k;  // the second of a doubled quote
          }
          cells.push_back(s);
        }
      } else {
        size_t start = i;
        while (i < n && p[i] != delim && p[i] != '\n' && p[i] != '\r') ++i;
        cells.emplace_back(p + start, i - start);
      }
      if (i < n && p[i] == delim) {
        ++i;
        continue;
      }
      if (i < n && p[i] == '\r') ++i;
      if (i < n && p[i] == '\n') ++i;
      break;
    }
    if (cells.size() == 1 && cells[0].empty() && !any_quoted) continue;  // a blank line
    if (!fn(row, cells)) return;
  }
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw not_found("file_not_found", "Không mở được tệp: " + path.string());
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::move(ss).str();
}

size_t estimate_csv_lines(std::string_view data) {
  const char* p = data.data();
  const char* const end = p + data.size();
  size_t lines = 0;
  while (p < end) {
    // Unquoted text up to the next quote: count its line breaks.
    const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
    const char* stop = q ? q : end;
    while (const void* nl = std::memchr(p, '\n', static_cast<size_t>(stop - p))) {
      ++lines;
      p = static_cast<const char*>(nl) + 1;
    }
    if (!q) {
      p = end;
      break;
    }
    // A quoted stretch: its line breaks are inside a field. A doubled quote reads as a closing
    // and an opening one, which counts the same.
    const void* close = std::memchr(q + 1, '"', static_cast<size_t>(end - q - 1));
    if (!close) return lines + 1;  // never closed: the rest is one record
    p = static_cast<const char*>(close) + 1;
  }
  // A last line without a line break is a line too.
  if (!data.empty() && data.back() != '\n') ++lines;
  return lines;
}

}  // namespace caunoi::tabular
