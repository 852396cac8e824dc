// api/router.h — HTTP-shaped requests and responses without any HTTP library.
//
// The transport (src/http, Boost.Beast) turns wire requests into api::Request and api::Response
// back into bytes; everything in src/api and below compiles without Beast. Routes are patterns
// such as "/api/v1/places/{code}"; a handler gets the request and the captured parameters.
// Handlers throw caunoi::Error; the router turns it into {"error": {"code", "message", "fields"}}
// with the status that matches its kind.
//
// Each route carries its Access declaration (access.h). Dispatch parses a JSON body once, before
// the guard; the guard and the handler then read the same parsed value, and the guard leaves the
// signed-in principal in the request for the handler (never as strings in the params).
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "api/access.h"
#include "audit/log.h"
#include "auth/user.h"
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

  // Set by Router::dispatch, never by the transport: the body parsed once (routes that take
  // JSON), and the signed-in user as the guard proved it (none without auth or sign-in).
  std::optional<boost::json::value> json;
  std::optional<auth::Principal> who;
  // Who makes the change a write asks for, handed to the service that writes it together with
  // its audit record (audit/log.h). Dispatch names the route and the path; the guard adds the
  // user, the unit, the stored entity as it read before and what was sent. Without the guard
  // (auth off: tests, a local tool) the caller is who the X-User header says.
  audit::Actor actor;

  // Query parameter or fallback.
  std::string param(const std::string& name, const std::string& fallback = "") const;
  std::string header(const std::string& name) const;
  // The parsed body as a JSON object; throws invalid_input "invalid_json" otherwise.
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

using Handler = std::function<Response(const Request&, const Params&)>;

// A matched route as the guard sees it.
struct RouteInfo {
  const std::string& method;
  const std::string& pattern;
  const Access& access;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler h, Access a = {});
  void get(std::string pattern, Handler h, Access a = {}) {
    add("GET", std::move(pattern), std::move(h), std::move(a));
  }
  void post(std::string pattern, Handler h, Access a = {}) {
    add("POST", std::move(pattern), std::move(h), std::move(a));
  }
  void put(std::string pattern, Handler h, Access a = {}) {
    add("PUT", std::move(pattern), std::move(h), std::move(a));
  }
  void del(std::string pattern, Handler h, Access a = {}) {
    add("DELETE", std::move(pattern), std::move(h), std::move(a));
  }

  // True if some route's pattern matches the path (any method).
  bool matches(std::string_view path) const;
  // Runs the matching handler; 404/405/415 as JSON errors; exceptions become error responses.
  // Takes the request by value: dispatch fills in its parsed body and, through the guard, its
  // principal.
  Response dispatch(Request r) const;

  // Authorization and audit (api/auth_guard.cpp). The guard runs before the handler, may throw
  // caunoi::Error (forbidden, unauthenticated, locked), sets r.who and fills in what the request
  // touches as it finds it. `after` sees every response of a matched route, errors included,
  // with that Touch (as far as the guard got), and may throw to replace the response.
  using Guard = std::function<void(Request&, const RouteInfo&, const Params&, Touch&)>;
  using After = std::function<void(const Request&, const RouteInfo&, const Touch&, Response&)>;
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
    Access access;
  };
  static bool match(const Route& r, const std::vector<std::string>& segs, Params& out);
  std::vector<Route> routes_;
  Guard guard_;
  After after_;
};

int status_of(ErrorKind k);

}  // namespace caunoi::api
