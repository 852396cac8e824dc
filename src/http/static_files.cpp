// http/static_files.cpp — see static_files.h.
#include "http/static_files.h"

#include <fstream>
#include <map>
#include <sstream>

namespace caunoi::http {
namespace fs = std::filesystem;

namespace {

std::string mime(const fs::path& p) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".geojson", "application/geo+json"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".csv", "text/csv; charset=utf-8"},
      {".txt", "text/plain; charset=utf-8"}};
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

bool read_file(const fs::path& p, std::string& out) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

}  // namespace

StaticFiles::StaticFiles(fs::path root) {
  std::error_code ec;
  if (!root.empty() && fs::is_directory(root, ec)) root_ = fs::canonical(root, ec);
}

api::Response StaticFiles::serve(const std::string& path) const {
  api::Response r;
  fs::path rel = fs::path(path).relative_path().lexically_normal();
  bool bad = rel.empty() || path.find('\0') != std::string::npos;
  for (const auto& part : rel)
    if (part == "..") bad = true;
  std::error_code ec;
  fs::path file = bad ? root_ / "index.html" : fs::weakly_canonical(root_ / rel, ec);
  bool inside = !ec && file.string().starts_with(root_.string());
  if (!inside || !fs::is_regular_file(file, ec)) {
    if (!rel.empty() && rel.has_extension() && !bad) {
      r.status = 404;
      r.content_type = "text/plain; charset=utf-8";
      r.body = "Không tìm thấy tệp.";
      return r;
    }
    file = root_ / "index.html";
  }
  if (!read_file(file, r.body)) {
    r.status = 404;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "Giao diện web chưa được build (web/dist).";
    return r;
  }
  r.content_type = mime(file);
  // Vite fingerprints assets; index.html must always be revalidated.
  bool hashed = file.parent_path().filename() == "assets";
  r.headers.emplace_back("Cache-Control",
                         hashed ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace caunoi::http
