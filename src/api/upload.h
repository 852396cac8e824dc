// api/upload.h — the file a client sends for an import: the part named "file" of a
// multipart/form-data body (RFC 7578, what a browser form sends), or the raw body with the name
// given as ?filename=. One reader for every import route (activities, plan targets, results).
#pragma once

#include <string>
#include <string_view>

#include "api/router.h"

namespace caunoi::api {

struct Upload {
  std::string filename;
  std::string data;
};

// Throws invalid(): "bad_multipart" (no boundary), "missing_file" (no part named "file"),
// "empty_file" (nothing in it). `default_name` stands in when the client gives no name; the
// name only tells CSV from XLSX when the content does not (tabular::detect_format). The file is
// taken out of q.body, which is left empty: no second copy of the file while the request lives.
Upload uploaded_file(const Request& q, std::string_view default_name);

// A parameter of a header value such as Content-Type or Content-Disposition: name="value" or
// name=value, the name in any case; "" when absent.
std::string header_param(std::string_view header, std::string_view name);

}  // namespace caunoi::api
