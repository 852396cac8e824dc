// tabular/zip_writer.cpp — ZipWriter over libzip: the archive is written into a libzip buffer
// source kept alive past zip_close, then read back out of it.
#include "tabular/zip_writer.h"

#include <zip.h>

#include <cstdio>

#include "common/error.h"

namespace caunoi::tabular {

namespace {

[[noreturn]] void fail(const std::string& what, const std::string& why) {
  throw Error(ErrorKind::internal, "zip_write_failed",
              "Không tạo được tệp nén (" + what + "): " + why);
}
[[noreturn]] void fail(const std::string& what, zip_error_t* e) {
  fail(what, zip_error_strerror(e));
}
// An archive's own error, read before the archive is discarded.
[[noreturn]] void discard_and_fail(zip_t* za, const std::string& what) {
  std::string why = zip_error_strerror(zip_get_error(za));
  zip_discard(za);
  fail(what, why);
}

struct ErrorHolder {
  zip_error_t err;
  ErrorHolder() { zip_error_init(&err); }
  ~ErrorHolder() { zip_error_fini(&err); }  // frees the text zip_error_strerror made
};

// Owns the buffer source; zip_source_keep lets it outlive the archive written into it.
struct Source {
  zip_source_t* src = nullptr;
  ~Source() {
    if (src) zip_source_free(src);
  }
};

std::string read_all(zip_source_t* src) {
  if (zip_source_open(src) < 0) fail("mở vùng đệm", zip_source_error(src));
  std::string out;
  char buf[65536];
  for (zip_int64_t n; (n = zip_source_read(src, buf, sizeof buf)) > 0;)
    out.append(buf, static_cast<size_t>(n));
  zip_source_close(src);
  return out;
}

}  // namespace

void ZipWriter::add(std::string name, std::string data) {
  entries_.emplace_back(std::move(name), std::move(data));
}

std::string ZipWriter::finish() const {
  ErrorHolder e;
  Source buffer;
  buffer.src = zip_source_buffer_create(nullptr, 0, 0, &e.err);
  if (!buffer.src) fail("vùng đệm", &e.err);
  zip_source_keep(buffer.src);
  zip_t* za = zip_open_from_source(buffer.src, ZIP_TRUNCATE, &e.err);
  if (!za) {
    zip_source_free(buffer.src);  // the reference zip_open_from_source did not take
    fail("mở", &e.err);
  }
  for (const auto& [name, data] : entries_) {
    // The entries' bytes stay in entries_ until zip_close has read them (freep = 0).
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    zip_int64_t idx = s ? zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
    if (idx < 0) {
      if (s) zip_source_free(s);
      discard_and_fail(za, "thêm " + name);
    }
    zip_set_file_compression(za, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 9);
  }
  if (zip_close(za) < 0) discard_and_fail(za, "đóng");
  return read_all(buffer.src);
}

}  // namespace caunoi::tabular
