// tests/api/input_fuzz_test.cpp — fuzzing of the JSON API's inputs, inside `make test`.
//
// Every registered route is called many times, as an administrator (so that requests reach the
// handlers rather than stop at the policy) and as a province officer, with bodies, query values
// and path captures mutated from plausible ones: wrong types, missing and unknown fields, huge
// and negative numbers, impossible dates and periods, unit codes that do not exist, hostile
// strings, invalid UTF-8, deep nesting, truncated JSON and random bytes. Each answer must be a
// proper one: never 500, JSON with {"error": {"code", "message"}} for every 4xx, and the
// sanitizers (this tree is built with ASan + UBSan) must see nothing. Deterministic (seeded);
// CAUNOI_API_FUZZ_ITERATIONS sets how many requests (default 2500), e.g. 100000 for a long run.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <deque>
#include <random>

#include "auth/auth_world.h"

using namespace caunoi;
using testutil::AuthWorld;
using testutil::Caller;
namespace json = boost::json;

namespace {

class Mutator {
 public:
  explicit Mutator(uint64_t seed) : rng_(seed) {}

  size_t below(size_t n) { return n ? rng_() % n : 0; }
  bool chance(int percent) { return below(100) < static_cast<size_t>(percent); }

  // A scalar that some handler will find wrong in an interesting way.
  json::value scalar() {
    static const char* strings[] = {"",
                                    " ",
                                    "VN",
                                    "15",
                                    "old:15",
                                    "old:99999",
                                    "../../etc/passwd",
                                    "' OR 1=1 --",
                                    "\"; DROP TABLE activities; --",
                                    "2022-02-30",
                                    "2025-13-01",
                                    "9999-12-31",
                                    "0000-00-00",
                                    "31/12/2022",
                                    "2022Q5",
                                    "2022-01..2021-01",
                                    "2022-10",
                                    "conference",
                                    "loudspeaker",
                                    "khong-co-ma",
                                    "Yên Bái",
                                    "ho\xE0",
                                    "\xC3\x28",
                                    "\xF0\x9F\x98\x80",
                                    "\x01\x02\x7F",
                                    "%00",
                                    "admin",
                                    "null"};
    switch (below(9)) {
      case 0:
        return nullptr;
      case 1:
        return chance(50);
      case 2:
        return static_cast<int64_t>(rng_());
      case 3:
        return -static_cast<int64_t>(below(1000)) - 1;
      case 4:
        return chance(50) ? 1e308 : -1e-308;
      case 5: {  // long text: 70,000 bytes sometimes, to pass field and body limits
        std::string t;
        for (size_t k = 0, n = below(3) == 0 ? 7000 : 30; k < n; ++k) t += "đăng ký ";
        return json::string(t);
      }
      case 6:
        return static_cast<int64_t>(below(3));
      default:
        return strings[below(std::size(strings))];
    }
  }

  json::value any(int depth = 0) {
    if (depth > 3 || chance(60)) return scalar();
    if (chance(50)) {
      json::array a;
      for (size_t i = 0, n = below(4); i < n; ++i) a.push_back(any(depth + 1));
      return a;
    }
    json::object o;
    for (size_t i = 0, n = below(4); i < n; ++i) o[key()] = any(depth + 1);
    return o;
  }

  std::string key() {
    static const char* keys[] = {"unit_id",      "unit",         "reporting_unit",
                                 "place",        "date_from",    "date_to",
                                 "kind",         "channel",      "groups",
                                 "topics",       "languages",    "partners",
                                 "figures",      "period",       "values",
                                 "year",         "indicator",    "value",
                                 "question",     "username",     "password",
                                 "role",         "reason",       "id",
                                 "title",        "note",         "label",
                                 "code",         "status",       "answer",
                                 "alternatives", "results",      "targets",
                                 "external_ref", "new_password", "display_name",
                                 "name",         "list",         "q",
                                 "by",           "compare",      "version"};
    return keys[below(std::size(keys))];
  }

  // A plausible body, then a few mutations of it.
  std::string body(const std::string& unit) {
    json::object o{{"unit_id", unit},
                   {"reporting_unit", unit},
                   {"place", unit},
                   {"date_from", "2025-10-10"},
                   {"kind", "conference"},
                   {"groups", json::array{"farm_households"}},
                   {"topics", json::array{"voluntary_si"}},
                   {"figures", json::object{{"events", 1}, {"attendees", 40}}},
                   {"period", "2025-10"},
                   {"year", 2025},
                   {"indicator", "bhyt_coverage"},
                   {"value", 91.5},
                   {"values", json::object{{"bhyt", 18000}, {"population", 20000}}},
                   {"question", "đóng bhyt hộ gia đình bao nhiêu"},
                   {"reason", "thử"}};
    for (size_t i = 0, n = 1 + below(4); i < n; ++i) {
      std::string k = key();
      switch (below(4)) {
        case 0:
          o.erase(k);
          break;
        case 1:
          o[k] = any();
          break;
        default:
          o[k] = scalar();
      }
    }
    if (chance(10)) o["results"] = json::array{o, any()};
    std::string s = json::serialize(o);
    switch (below(14)) {
      case 0:
        return s.substr(0, below(s.size()));  // truncated
      case 1:
        return std::string(200, '[') + std::string(200, ']');  // deep nesting
      case 2: {
        std::string bytes(below(600), '\0');
        for (auto& ch : bytes) ch = static_cast<char>(rng_());
        return bytes;
      }
      case 3:
        return json::serialize(any());  // not an object at all
      case 4:
        return "";
      default:
        return s;
    }
  }

  std::string capture() {
    static const char* v[] = {"1",   "0",      "-1",      "999999999999999999999",
                              "abc", "old:15", "15",      "%2e%2e",
                              "",    "1;DROP", "\xC3\x28"};
    return v[below(std::size(v))];
  }

  std::map<std::string, std::string> query(const std::string& unit) {
    std::map<std::string, std::string> q;
    static const char* names[] = {"unit",  "period", "indicator", "by",       "compare", "era",
                                  "page",  "limit",  "q",         "kind",     "from",    "to",
                                  "year",  "level",  "sort",      "filename", "data",    "format",
                                  "group", "parent", "state",     "date",     "sheet",   "topic"};
    if (chance(70)) q["unit"] = unit;
    if (chance(70)) q["period"] = "2025-10";
    for (size_t i = 0, n = below(5); i < n; ++i) {
      auto v = scalar();
      q[names[below(std::size(names))]] =
          v.is_string() ? std::string(v.as_string()) : json::serialize(v);
    }
    return q;
  }

 private:
  std::mt19937_64 rng_;
};

std::string fill(const std::string& pattern, Mutator& m) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      out += m.capture();
      i = pattern.find('}', i) + 1;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

TEST(ApiInputFuzz, EveryRouteAnswersEveryMalformedInputProperly) {
  long iterations = 2500;
  if (const char* env = std::getenv("CAUNOI_API_FUZZ_ITERATIONS")) iterations = std::atol(env);
  AuthWorld w;
  int admins = 0;
  auto new_admin = [&] {
    return w.token_caller(w.add_user("quantri" + std::to_string(++admins), "admin", "VN"));
  };
  Caller admin = new_admin();
  Caller officer = w.token_caller(w.add_user("cb.tinh", "province_staff", w.province));
  auto routes = w.rt().router().routes();
  ASSERT_GT(routes.size(), 40u);

  Mutator m(20261123);
  std::map<int, int> statuses;
  std::deque<std::string> recent;  // the requests before a failure, for its report
  for (long i = 0; i < iterations; ++i) {
    const auto& [method, pattern] = routes[m.below(routes.size())];
    std::string unit = m.chance(50) ? w.province : std::string(m.capture());
    bool as_admin = m.chance(75);
    std::string path = fill(pattern, m);
    auto query = m.query(unit);
    std::string body = method == "GET" ? "" : m.body(unit);
    std::string qs;
    for (const auto& [k, v] : query) qs += k + "=" + v.substr(0, 60) + "&";
    SCOPED_TRACE(method + " " + path + "?" + qs + " body=" + body.substr(0, 300));
    if (recent.size() == 6) recent.pop_front();
    recent.push_back(std::to_string(i) + " " + method + " " + path + "?" + qs.substr(0, 100) + " " +
                     body.substr(0, 160));
    SCOPED_TRACE("before it:\n" + [&] {
      std::string t;
      for (const auto& x : recent) t += "  " + x + "\n";
      return t;
    }());
    auto r = w.call(as_admin ? admin : officer, method, path, query, body);
    ++statuses[r.status];
    ASSERT_NE(r.status, 500) << r.body;
    ASSERT_GE(r.status, 200);
    ASSERT_LT(r.status, 500) << r.body;
    if (r.status >= 400) {
      json::error_code ec;
      auto v = json::parse(r.body, ec);
      ASSERT_FALSE(ec) << r.body;
      ASSERT_TRUE(v.is_object() && v.as_object().contains("error")) << r.body;
      const auto& e = v.at("error").as_object();
      ASSERT_TRUE(e.at("code").is_string() && !e.at("code").as_string().empty()) << r.body;
      ASSERT_TRUE(e.at("message").is_string() && !e.at("message").as_string().empty()) << r.body;
    } else if (r.content_type.starts_with("application/json")) {
      json::error_code ec;
      json::parse(r.body, ec);
      ASSERT_FALSE(ec) << r.body;
    }
    // A fuzzed logout, password change or account change may end the administrator's session.
    if (r.status == 401 && as_admin) admin = new_admin();
  }
  std::string seen;
  for (auto [s, n] : statuses) seen += std::to_string(s) + "×" + std::to_string(n) + " ";
  std::printf("%ld requests over %zu routes; statuses: %s\n", iterations, routes.size(),
              seen.c_str());
  // The run must reach the handlers, not only the policy: some requests succeed, some are
  // refused for their content.
  EXPECT_GT(statuses[200] + statuses[201], iterations / 50);
  EXPECT_GT(statuses[400], iterations / 10);
}

}  // namespace
