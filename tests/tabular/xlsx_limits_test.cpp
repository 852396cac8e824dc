// tests/tabular/xlsx_limits_test.cpp — what reading a hostile .xlsx may cost (XlsxLimits): zip
// bombs by the declared sizes and by the bytes actually unpacked, the cap on held shared strings,
// and peak memory measured in a forked child (VmHWM cannot be reset portably, and the child
// starts from the test's own resident memory).
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "common/error.h"
#include "tabular/xlsx_reader.h"

namespace tab = caunoi::tabular;
namespace fs = std::filesystem;

namespace {

// A part whose text is made as libzip compresses it: a head, `fill` repeated `count` times, a
// tail. So a 100 MB part never sits in the test's memory.
struct Generated {
  std::string head, fill, tail;
  uint64_t count = 0;
  uint64_t size() const { return head.size() + fill.size() * count + tail.size(); }
};

struct GeneratedSource {
  const Generated* part;
  uint64_t pos = 0;
  zip_error_t error{};

  static zip_int64_t callback(void* self, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* me = static_cast<GeneratedSource*>(self);
    switch (cmd) {
      case ZIP_SOURCE_OPEN:
        me->pos = 0;
        return 0;
      case ZIP_SOURCE_READ:
        return static_cast<zip_int64_t>(me->read(static_cast<char*>(data), len));
      case ZIP_SOURCE_CLOSE:
        return 0;
      case ZIP_SOURCE_STAT: {
        auto* st = static_cast<zip_stat_t*>(data);
        zip_stat_init(st);
        st->size = me->part->size();
        st->valid |= ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
      }
      case ZIP_SOURCE_ERROR:
        return zip_error_to_data(&me->error, data, len);
      case ZIP_SOURCE_FREE:
        delete me;
        return 0;
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                              ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE,
                                              -1);
      default:
        zip_error_set(&me->error, ZIP_ER_OPNOTSUPP, 0);
        return -1;
    }
  }

  size_t read(char* out, uint64_t len) {
    const Generated& g = *part;
    const uint64_t body = g.fill.size() * g.count, end = g.size();
    size_t n = 0;
    while (n < len && pos < end) {
      if (pos < g.head.size()) {
        out[n++] = g.head[pos++];
      } else if (pos < g.head.size() + body) {
        // Whole runs of the fill at a time: a byte at a time took seconds for 100 MB.
        uint64_t at = (pos - g.head.size()) % g.fill.size();
        uint64_t run =
            std::min<uint64_t>({len - n, g.fill.size() - at, g.head.size() + body - pos});
        std::memcpy(out + n, g.fill.data() + at, run);
        n += run;
        pos += run;
      } else {
        out[n++] = g.tail[pos - g.head.size() - body];
        ++pos;
      }
    }
    return n;
  }
};

const char* kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>)";
const char* kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";
const char* kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const char* kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)";

// A workbook of one sheet whose cell A1 names shared string 0, with the shared strings given.
std::string workbook_with_shared_strings(const Generated& sst) {
  fs::path path =
      fs::temp_directory_path() / ("caunoi-xlsx-limits-" + std::to_string(::getpid()) + ".xlsx");
  int err = 0;
  zip_t* za = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (!za) throw std::runtime_error("zip_open failed");
  auto add = [&](const char* name, zip_source_t* src) {
    if (!src || zip_file_add(za, name, src, ZIP_FL_OVERWRITE) < 0)
      throw std::runtime_error(std::string("zip_file_add ") + name);
  };
  auto text = [&](const char* name, const std::string& s) {
    char* copy = static_cast<char*>(std::malloc(s.size()));
    std::memcpy(copy, s.data(), s.size());
    add(name, zip_source_buffer(za, copy, s.size(), 1));
  };
  text("[Content_Types].xml", kContentTypes);
  text("_rels/.rels", kRootRels);
  text("xl/workbook.xml", kWorkbook);
  text("xl/_rels/workbook.xml.rels", kWorkbookRels);
  text(
      "xl/worksheets/sheet1.xml",
      R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>)");
  auto* gen = new GeneratedSource{&sst};
  add("xl/sharedStrings.xml", zip_source_function(za, &GeneratedSource::callback, gen));
  if (zip_close(za) != 0) throw std::runtime_error("zip_close failed");
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  fs::remove(path);
  return ss.str();
}

// One string of `n` letters A: ≈ 1,000 times smaller packed.
Generated one_long_string(uint64_t n) {
  return {
      R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>)",
      "A", "</t></si></sst>", n};
}

long status_kb(const char* field) {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return -1;
  char line[256];
  long kb = -1;
  size_t n = std::strlen(field);
  while (std::fgets(line, sizeof line, f)) {
    if (std::strncmp(line, field, n) == 0 && line[n] == ':') kb = std::atol(line + n + 1);
  }
  std::fclose(f);
  return kb;
}

// What reading `bytes` did, run in a forked child: the error's code and message ("" if none)
// and how far the child's peak resident memory rose above where it started.
struct Outcome {
  std::string code, message;
  long peak_growth_kb = -1;
};

Outcome read_in_child(const std::string& bytes, const tab::XlsxOptions& opt = {}) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe");
  pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    long before = status_kb("VmRSS");
    std::string code, message;
    try {
      tab::read_xlsx(
          bytes, [](long, tab::Cells) { return true; }, opt);
    } catch (const caunoi::Error& e) {
      code = e.code();
      message = e.message();
    } catch (const std::exception& e) {
      code = "other";
      message = e.what();
    }
    long growth = status_kb("VmHWM") - before;
    std::string out = std::to_string(growth) + "\n" + code + "\n" + message;
    for (size_t done = 0; done < out.size();) {
      ssize_t w = ::write(fds[1], out.data() + done, out.size() - done);
      if (w <= 0) break;
      done += static_cast<size_t>(w);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string got;
  char buf[4096];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) got.append(buf, size_t(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  Outcome o;
  size_t a = got.find('\n'), b = got.find('\n', a + 1);
  if (a == std::string::npos || b == std::string::npos) return o;
  o.peak_growth_kb = std::atol(got.substr(0, a).c_str());
  o.code = got.substr(a + 1, b - a - 1);
  o.message = got.substr(b + 1);
  return o;
}

// The error reading `file` throws (a test failure if it reads).
caunoi::Error refusal(const std::string& file, const tab::XlsxOptions& opt = {}) {
  try {
    tab::read_xlsx(
        file, [](long, tab::Cells) { return true; }, opt);
  } catch (const caunoi::Error& e) {
    return e;
  }
  ADD_FAILURE() << "not refused";
  return caunoi::Error(caunoi::ErrorKind::internal, "", "");
}

// Where the archive's declared uncompressed size of `name` sits: after the local header's and
// the central directory's signatures, at offsets 22 and 24, each followed by the name.
void declare_size(std::string& zip, const std::string& name, uint32_t size) {
  auto put = [&](size_t at) {
    for (int i = 0; i < 4; ++i) zip[at + size_t(i)] = static_cast<char>((size >> (8 * i)) & 0xFF);
  };
  int patched = 0;
  for (size_t at = zip.find("PK\x03\x04", 0, 4); at != std::string::npos;
       at = zip.find("PK\x03\x04", at + 1, 4)) {
    if (zip.compare(at + 30, name.size(), name) == 0) put(at + 22), ++patched;
  }
  for (size_t at = zip.find("PK\x01\x02", 0, 4); at != std::string::npos;
       at = zip.find("PK\x01\x02", at + 1, 4)) {
    if (zip.compare(at + 46, name.size(), name) == 0) put(at + 24), ++patched;
  }
  ASSERT_EQ(patched, 2) << name;
}

}  // namespace

// Issue 21: 164 KB whose shared strings unpack to 100 MB took the server from 200 MB to 1.3 GB.
TEST(XlsxLimits, SharedStringBombIsRefusedWithoutHoldingIt) {
  std::string bomb = workbook_with_shared_strings(one_long_string(100u << 20));
  ASSERT_LT(bomb.size(), 1u << 20) << "the bomb should pack small";
  Outcome o = read_in_child(bomb);
  EXPECT_EQ(o.code, "xlsx_bomb") << o.message;
  EXPECT_NE(o.message.find("xl/sharedStrings.xml"), std::string::npos) << o.message;
  EXPECT_NE(o.message.find("100 lần cỡ tệp"), std::string::npos) << o.message;
  EXPECT_NE(o.message.find("tệp nén độc hại"), std::string::npos) << o.message;
  ASSERT_GE(o.peak_growth_kb, 0);
  RecordProperty("peak_growth_kb", static_cast<int>(o.peak_growth_kb));
  EXPECT_LT(o.peak_growth_kb, 100 * 1024)
      << "peak resident memory rose by " << o.peak_growth_kb << " KB";
  EXPECT_EQ(refusal(bomb).kind(), caunoi::ErrorKind::too_large);  // 413
}

// The directory may claim a small size: the bytes are counted as they unpack.
TEST(XlsxLimits, DeclaredSizesThatLieAreCaughtWhileUnpacking) {
  std::string bomb = workbook_with_shared_strings(one_long_string(100u << 20));
  declare_size(bomb, "xl/sharedStrings.xml", 1000);
  Outcome o = read_in_child(bomb);
  EXPECT_EQ(o.code, "xlsx_bomb") << o.message;
  EXPECT_LT(o.peak_growth_kb, 100 * 1024)
      << "peak resident memory rose by " << o.peak_growth_kb << " KB";
}

// The fixed caps hold however large the file may be: here the ratio is lifted.
TEST(XlsxLimits, PartCapAndTotalCapHoldWhateverTheRatio) {
  std::string file = workbook_with_shared_strings(one_long_string(3u << 20));
  tab::XlsxOptions opt;
  opt.limits.ratio = 1000000;
  opt.limits.part_bytes = 2u << 20;
  caunoi::Error by_part = refusal(file, opt);
  EXPECT_EQ(by_part.code(), "xlsx_bomb");
  EXPECT_NE(by_part.message().find("vượt quá 2 MiB"), std::string::npos) << by_part.message();
  opt.limits.part_bytes = tab::XlsxLimits{}.part_bytes;
  opt.limits.total_bytes = 3u << 20;
  caunoi::Error by_total = refusal(file, opt);
  EXPECT_EQ(by_total.code(), "xlsx_bomb");
  EXPECT_NE(by_total.message().find("các phần cộng lại vượt quá 3 MiB"), std::string::npos)
      << by_total.message();
  // With the default caps its 3 MiB string comes through.
  opt.limits.total_bytes = tab::XlsxLimits{}.total_bytes;
  size_t got = 0;
  tab::read_xlsx(
      file,
      [&](long, tab::Cells c) {
        got = c.empty() ? 0 : c[0].size();
        return true;
      },
      opt);
  EXPECT_EQ(got, 3u << 20);
}

// Many short distinct strings, well within the ratio: what is held is capped, and the message
// says the cap.
TEST(XlsxLimits, HeldSharedStringsAreCapped) {
  Generated sst{
      R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)",
      "<si><t>Hội nghị truyền thông BHXH</t></si>", "</sst>", 60000};
  std::string file = workbook_with_shared_strings(sst);
  tab::XlsxOptions opt;
  opt.limits.ratio = 1000000;  // so packed, only the cap on held text can refuse it
  opt.limits.held_bytes = 1u << 20;
  caunoi::Error e = refusal(file, opt);
  EXPECT_EQ(e.code(), "xlsx_too_much_text");
  EXPECT_EQ(e.kind(), caunoi::ErrorKind::too_large);
  EXPECT_NE(e.message().find("bảng chuỗi dùng chung"), std::string::npos) << e.message();
  EXPECT_NE(e.message().find("1 MiB"), std::string::npos) << e.message();
  opt.limits.held_bytes = tab::XlsxLimits{}.held_bytes;
  std::string first;
  tab::read_xlsx(
      file,
      [&](long, tab::Cells c) {
        first = c.empty() ? "" : std::string(c[0]);
        return true;
      },
      opt);
  EXPECT_EQ(first, "Hội nghị truyền thông BHXH");
}
