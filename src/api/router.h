// api/router.h — HTTP-shaped requests and responses without any HTTP library.
//
// The transport (src/http, Boost.Beast) turns wire requests into api::Request and api::Response
// back into bytes; everything in src/api and below compiles without Beast. Routes are patterns
// such as "/api/v1/places/{code}"; a handler gets the request and the captured parameters.
// Handlers throw caunoi::Error; the router turns it into {"error": {"code", "message", "fields"}}
// with the status that matches its kind.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "common/error.h"

namespace caunoi::api {

struct Request {
  std::string method;                          // "GET", "POST", ...
  std::string path;                            // decoded path without the query string
  std::map<std::string, std::string> query;    // decoded
  std::map<std::string, std::string> headers;  // names lower-case
  // Mutable so that an upload route can take the file over (api/upload.h) instead of copying up
  // to 64 MiB while the request is still held.
  mutable std::string body;
  std::string remote;  // client address, for logs and audit

  // Query parameter or fallback.
  std::string param(const std::string& name, const std::string& fallback = "") const;
  std::string header(const std::string& name) const;
  // Parses the body as a JSON object; throws invalid_input "invalid_json" otherwise.
  boost::json::object json_body() const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;

  static Response json(const boost::json::value& v, int status = 200);
  static Response error(const Error& e);
};

using Params = std::map<std::string, std::string>;
using Handler = std::function<Response(const Request&, const Params&)>;

class Router {
 public:
  void add(std::string method, std::string pattern, Handler h);
  void get(std::string pattern, Handler h) { add("GET", std::move(pattern), std::move(h)); }
  void post(std::string pattern, Handler h) { add("POST", std::move(pattern), std::move(h)); }
  void put(std::string pattern, Handler h) { add("PUT", std::move(pattern), std::move(h)); }
  void del(std::string pattern, Handler h) { add("DELETE", std::move(pattern), std::move(h)); }

  // True if some route's pattern matches the path (any method).
  bool matches(std::string_view path) const;
  // Runs the matching handler; 404/405 as JSON errors; exceptions become error responses.
  Response dispatch(const Request& r) const;

  // Authorization and audit in one place (api/auth_guard.cpp). The guard runs before the handler
  // with the matched route pattern and may throw caunoi::Error (forbidden, unauthenticated) or add
  // entries to the params; `after` sees every response of a matched route, errors included, and
  // may throw to replace it.
  using Guard = std::function<void(const Request&, const std::string& pattern, Params&)>;
  using After =
      std::function<void(const Request&, const std::string& pattern, const Params&, Response&)>;
  void set_guard(Guard g) { guard_ = std::move(g); }
  void set_after(After a) { after_ = std::move(a); }
  // Every registered (method, pattern), in registration order.
  std::vector<std::pair<std::string, std::string>> routes() const;

 private:
  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> parts;  // "{name}" captures one segment, "{name*}" the rest
    Handler handler;
  };
  static bool match(const Route& r, const std::vector<std::string>& segs, Params& out);
  std::vector<Route> routes_;
  Guard guard_;
  After after_;
};

int status_of(ErrorKind k);

}  // namespace caunoi::api
