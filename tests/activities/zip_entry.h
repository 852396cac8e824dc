// tests/activities/zip_entry.h — one file of an in-memory zip (an exported XLSX) as text, for
// tests that look at the sheet XML itself rather than at what the reader makes of it.
#pragma once

#include <string>

#include <zip.h>

namespace caunoi::testutil {

// "" when the archive or the entry cannot be opened.
inline std::string zip_entry(const std::string& zip, const char* name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(zip.data(), zip.size(), 0, &err);
  zip_t* za = zip_open_from_source(src, ZIP_RDONLY, &err);
  zip_error_fini(&err);
  if (!za) {
    zip_source_free(src);
    return "";
  }
  std::string out;
  if (zip_file_t* f = zip_fopen(za, name, 0)) {
    char buf[8192];
    for (zip_int64_t n; (n = zip_fread(f, buf, sizeof buf)) > 0;) out.append(buf, size_t(n));
    zip_fclose(f);
  }
  zip_discard(za);
  return out;
}

}  // namespace caunoi::testutil
