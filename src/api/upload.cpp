// api/upload.cpp — see upload.h.
#include "api/upload.h"

#include <algorithm>
#include <cctype>

#include "common/ascii.h"
#include "common/error.h"

namespace caunoi::api {

namespace {

// The part named "file" of a multipart/form-data body (RFC 7578), cut out of the body in place.
Upload multipart_file(std::string& body, const std::string& content_type) {
  std::string boundary = header_param(content_type, "boundary");
  if (boundary.empty()) {
    throw invalid("bad_multipart", "Thiếu boundary trong Content-Type multipart/form-data.");
  }
  std::string delim = "--" + boundary;
  size_t pos = body.find(delim);
  while (pos != std::string::npos) {
    size_t head_start = pos + delim.size();
    if (body.compare(head_start, 2, "--") == 0) break;  // the closing delimiter
    head_start = body.find("\r\n", head_start);
    if (head_start == std::string::npos) break;
    head_start += 2;
    size_t head_end = body.find("\r\n\r\n", head_start);
    if (head_end == std::string::npos) break;
    std::string_view head(body.data() + head_start, head_end - head_start);
    size_t data_start = head_end + 4;
    size_t next = body.find("\r\n" + delim, data_start);
    if (next == std::string::npos) break;
    std::string disposition;
    for (size_t ls = 0; ls < head.size();) {
      size_t le = head.find("\r\n", ls);
      std::string_view line = head.substr(ls, le == std::string_view::npos ? le : le - ls);
      std::string lower = ascii_lower(line.substr(0, std::min<size_t>(line.size(), 20)));
      if (lower.starts_with("content-disposition:")) disposition = line.substr(20);
      if (le == std::string_view::npos) break;
      ls = le + 2;
    }
    if (header_param(disposition, "name") == "file") {
      Upload up{header_param(disposition, "filename"), std::move(body)};
      up.data.erase(next);
      up.data.erase(0, data_start);
      return up;
    }
    pos = next + 2;
  }
  throw invalid("missing_file", "Không tìm thấy tệp (trường \"file\") trong biểu mẫu gửi lên.",
                {{"file", "Chưa chọn tệp."}});
}

}  // namespace

std::string header_param(std::string_view header, std::string_view name) {
  std::string lower = ascii_lower(header);
  std::string key = std::string(name) + "=";
  size_t at = 0;
  while ((at = lower.find(key, at)) != std::string::npos) {
    if (at == 0 || lower[at - 1] == ';' || lower[at - 1] == ' ') break;
    at += key.size();
  }
  if (at == std::string::npos) return "";
  size_t v = at + key.size();
  if (v < header.size() && header[v] == '"') {
    size_t end = header.find('"', v + 1);
    return std::string(header.substr(v + 1, end == std::string::npos ? end : end - v - 1));
  }
  size_t end = header.find(';', v);
  std::string out(header.substr(v, end == std::string::npos ? end : end - v));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

Upload uploaded_file(const Request& q, std::string_view default_name) {
  Upload up;
  std::string ct = q.header("content-type");
  if (ct.rfind("multipart/form-data", 0) == 0) {
    up = multipart_file(q.body, ct);
  } else {
    up = {q.param("filename"), std::move(q.body)};
  }
  if (up.filename.empty()) up.filename = default_name;
  if (up.data.empty()) {
    throw invalid("empty_file", "Tệp gửi lên rỗng.", {{"file", "Tệp rỗng."}});
  }
  return up;
}

}  // namespace caunoi::api
