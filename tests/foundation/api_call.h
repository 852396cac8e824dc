// tests/foundation/api_call.h — an api::Request built from its parts, for tests that call a
// Router directly (no socket). Shared by the API tests of every part.
#pragma once

#include <map>
#include <string>

#include "api/router.h"

namespace caunoi::testutil {

inline api::Request request(std::string method, std::string path,
                            std::map<std::string, std::string> query = {}, std::string body = "") {
  api::Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.query = std::move(query);
  r.body = std::move(body);
  return r;
}

}  // namespace caunoi::testutil
