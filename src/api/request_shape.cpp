// api/request_shape.cpp — see request_shape.h.
#include "api/request_shape.h"

#include <algorithm>
#include <cctype>

#include "api/upload.h"
#include "common/ascii.h"
#include "common/trim.h"

namespace caunoi::api {
namespace {

// "https://caunoi.example:8443" → "caunoi.example:8443"; "" for "null" or a malformed origin.
std::string origin_authority(std::string_view origin) {
  auto sep = origin.find("://");
  if (sep == std::string_view::npos) return "";
  auto rest = origin.substr(sep + 3);
  if (rest.empty() || rest.find('/') != std::string_view::npos) return "";
  return ascii_lower(rest);
}

void check_origin(const Request& r) {
  std::string origin = r.header("origin");
  if (origin.empty()) return;  // not a browser, or a same-origin GET-like navigation
  std::string host = ascii_lower(trim(r.header("host")));
  std::string from = origin_authority(origin);
  // A default port may be left out of one of them ("host:80" against "http://host").
  auto without_default_port = [](std::string s) {
    for (std::string_view p : {":80", ":443"})
      if (s.ends_with(p)) s.resize(s.size() - p.size());
    return s;
  };
  if (!host.empty() && !from.empty() && without_default_port(host) == without_default_port(from))
    return;
  throw Error(ErrorKind::forbidden, "cross_origin",
              "Yêu cầu thay đổi dữ liệu gửi từ trang web khác (" + origin.substr(0, 100) +
                  ") bị từ chối. Vui lòng thao tác trên chính trang caunoi.");
}

}  // namespace

Error bad_json() {
  return invalid("invalid_json", "Nội dung yêu cầu phải là một đối tượng JSON hợp lệ (UTF-8).");
}

bool unsafe_method(const std::string& m) {
  return m != "GET" && m != "HEAD" && m != "OPTIONS";
}

void read_body(Request& r, const Access& access) {
  if (!unsafe_method(r.method)) return;
  check_origin(r);
  if (r.body.empty()) return;
  if (access.upload) {
    if (r.header("content-type").starts_with("multipart/form-data")) {
      Upload up = uploaded_file(r, "");
      r.headers["content-type"] = "application/octet-stream";
      if (!up.filename.empty()) r.query["filename"] = up.filename;
      r.body = std::move(up.data);
    }
    return;
  }
  std::string type = r.header("content-type");
  if (!type.empty()) {
    std::string media = ascii_lower(trim(std::string_view(type).substr(0, type.find(';'))));
    if (media != "application/json")
      throw Error(ErrorKind::unsupported_media, "unsupported_media_type",
                  "Nội dung yêu cầu phải ở dạng JSON (Content-Type: application/json); đã nhận \"" +
                      type.substr(0, 80) + "\".");
  }
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(r.body, ec);
  if (ec || !v.is_object()) throw bad_json();
  r.json = std::move(v);
}

}  // namespace caunoi::api
