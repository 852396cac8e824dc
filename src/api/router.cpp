// api/router.cpp — pattern routing and error mapping; see router.h.
#include "api/router.h"

#include "api/request_shape.h"
#include "common/utf8.h"
#include "store/retry.h"

#include <spdlog/spdlog.h>

namespace caunoi::api {
namespace {

std::vector<std::string> split_path(std::string_view p) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < p.size()) {
    while (i < p.size() && p[i] == '/') ++i;
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    if (j > i) out.emplace_back(p.substr(i, j - i));
    i = j;
  }
  return out;
}

}  // namespace

int status_of(ErrorKind k) {
  switch (k) {
    case ErrorKind::invalid_input:
      return 400;
    case ErrorKind::unauthenticated:
      return 401;
    case ErrorKind::forbidden:
      return 403;
    case ErrorKind::not_found:
      return 404;
    case ErrorKind::conflict:
      return 409;
    case ErrorKind::too_large:
      return 413;
    case ErrorKind::unsupported_media:
      return 415;
    case ErrorKind::locked:
      return 423;
    case ErrorKind::rate_limited:
      return 429;
    case ErrorKind::internal:
      return 500;
  }
  return 500;
}

std::string Request::param(const std::string& name, const std::string& fallback) const {
  auto it = query.find(name);
  return it == query.end() ? fallback : it->second;
}

std::string Request::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

boost::json::object Request::json_body() const {
  if (!json || !json->is_object()) throw bad_json();
  return json->as_object();
}

Response Response::json(const boost::json::value& v, int status) {
  Response r;
  r.status = status;
  r.body = boost::json::serialize(v);
  if (!valid_utf8(r.body)) r.body = repair_utf8(r.body);  // raw path or query bytes quoted back
  return r;
}

Response Response::error(const Error& e) {
  boost::json::object err{{"code", e.code()}, {"message", e.message()}};
  if (!e.fields().empty()) {
    boost::json::array fields;
    for (const auto& f : e.fields()) {
      boost::json::object o{{"field", f.field}, {"message", f.message}};
      if (f.row) o["row"] = f.row;
      fields.push_back(std::move(o));
    }
    err["fields"] = std::move(fields);
  }
  return json(boost::json::object{{"error", std::move(err)}}, status_of(e.kind()));
}

void Router::add(std::string method, std::string pattern, Handler h, Access a) {
  auto parts = split_path(pattern);
  routes_.push_back(
      {std::move(method), std::move(pattern), std::move(parts), std::move(h), std::move(a)});
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : routes_) out.emplace_back(r.method, r.pattern);
  return out;
}

bool Router::match(const Route& r, const std::vector<std::string>& segs, Params& out) {
  size_t i = 0;
  for (; i < r.parts.size(); ++i) {
    const auto& part = r.parts[i];
    bool capture = part.size() > 2 && part.front() == '{' && part.back() == '}';
    if (capture && part[part.size() - 2] == '*') {
      std::string rest;
      for (size_t j = i; j < segs.size(); ++j) rest += (j > i ? "/" : "") + segs[j];
      out[part.substr(1, part.size() - 3)] = rest;
      return true;
    }
    if (i >= segs.size()) return false;
    if (capture)
      out[part.substr(1, part.size() - 2)] = segs[i];
    else if (part != segs[i])
      return false;
  }
  return i == segs.size();
}

bool Router::matches(std::string_view path) const {
  auto segs = split_path(path);
  Params p;
  for (const auto& r : routes_)
    if (match(r, segs, p)) return true;
  return false;
}

Response Router::dispatch(Request req) const {
  auto segs = split_path(req.path);
  bool path_known = false;
  for (const auto& r : routes_) {
    Params params;
    if (!match(r, segs, params)) continue;
    path_known = true;
    if (r.method != req.method && !(req.method == "HEAD" && r.method == "GET")) continue;
    const RouteInfo info{r.method, r.pattern, r.access};
    Response res;
    Touch touch;
    req.json.reset();
    req.who.reset();
    req.actor = {};
    req.actor.username = req.header("x-user").substr(0, 100);
    req.actor.remote = req.remote;
    req.actor.action = r.method + " " + r.pattern;
    req.actor.entity = req.path;
    try {
      read_body(req, r.access);
      if (guard_) guard_(req, info, params, touch);
      // On PostgreSQL a write may meet another server's and be ended (db_serialization): nothing
      // of it was kept, and services make their in-memory effects only after their commits, so
      // the whole handler runs again (store/retry.h). SQLite's writers queue instead.
      res = store::rerun_on_conflict([&] { return r.handler(req, params); });
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::internal)
        spdlog::error("{} {}: {}", req.method, req.path, e.what());
      res = Response::error(e);
    } catch (const std::exception& e) {
      spdlog::error("{} {}: {}", req.method, req.path, e.what());
      res = Response::error(Error(ErrorKind::internal, "internal",
                                  "Lỗi hệ thống khi xử lý yêu cầu. Vui lòng thử lại sau."));
    }
    if (after_) {
      try {
        after_(req, info, touch, res);
      } catch (const Error& e) {
        res = Response::error(e);
      } catch (const std::exception& e) {
        spdlog::error("{} {} (after): {}", req.method, req.path, e.what());
      }
    }
    return res;
  }
  if (path_known) {
    auto r =
        Response::error(Error(ErrorKind::invalid_input, "method_not_allowed",
                              "Phương thức " + req.method + " không được hỗ trợ tại địa chỉ này."));
    r.status = 405;
    return r;
  }
  return Response::error(
      not_found("route_not_found", "Không có API tại địa chỉ " + req.path + "."));
}

}  // namespace caunoi::api
