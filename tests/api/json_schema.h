// tests/api/json_schema.h — a JSON Schema checker for the part of the vocabulary caunoi's
// OpenAPI document (data/api/openapi.json) uses: type (one or a list, "null" among them for a
// value that may be absent), properties, required, additionalProperties (false or a schema),
// items, enum, oneOf and $ref into the same document. A keyword it does not know is itself
// reported, so that the document cannot say more than the test checks.
#pragma once

#include <boost/json.hpp>
#include <cmath>
#include <set>
#include <string>
#include <vector>

namespace caunoi::testutil {

class SchemaChecker {
 public:
  explicit SchemaChecker(boost::json::value doc) : doc_(std::move(doc)) {}

  // Every way `v` departs from `schema`, each as "where: what" (empty: it conforms).
  std::vector<std::string> check(const boost::json::value& v, const boost::json::value& schema,
                                 const std::string& where = "$") const {
    std::vector<std::string> out;
    walk(v, schema, where, out);
    return out;
  }

  // The schema a "$ref" names ("#/components/schemas/Activity"), or the schema itself.
  const boost::json::value& resolve(const boost::json::value& schema) const {
    const boost::json::value* s = &schema;
    while (s->is_object() && s->as_object().contains("$ref")) {
      std::string ref(s->as_object().at("$ref").as_string());
      if (!ref.starts_with("#")) throw std::runtime_error("$ref outside the document: " + ref);
      s = &doc_.at_pointer(ref.substr(1));
    }
    return *s;
  }

  const boost::json::value& doc() const { return doc_; }

 private:
  static bool is_type(const boost::json::value& v, std::string_view t) {
    if (t == "null") return v.is_null();
    if (t == "boolean") return v.is_bool();
    if (t == "string") return v.is_string();
    if (t == "array") return v.is_array();
    if (t == "object") return v.is_object();
    if (t == "number") return v.is_number();
    if (t == "integer")
      return v.is_int64() || v.is_uint64() ||
             (v.is_double() && std::trunc(v.as_double()) == v.as_double());
    throw std::runtime_error("unknown JSON Schema type " + std::string(t));
  }

  static std::string shown(const boost::json::value& v) {
    std::string s = boost::json::serialize(v);
    return s.size() > 80 ? s.substr(0, 77) + "..." : s;
  }

  void walk(const boost::json::value& v, const boost::json::value& schema_in,
            const std::string& where, std::vector<std::string>& out) const {
    const boost::json::value& schema = resolve(schema_in);
    if (!schema.is_object()) {
      out.push_back(where + ": the schema is not an object");
      return;
    }
    static const std::set<std::string> kKnown{
        "type",        "properties", "required", "additionalProperties", "items", "enum", "oneOf",
        "description", "format",     "$ref"};
    const auto& s = schema.as_object();
    for (const auto& [k, _] : s)
      if (!kKnown.contains(std::string(k)))
        out.push_back(where + ": the schema uses \"" + std::string(k) + "\", which is not checked");

    if (const auto* t = s.if_contains("type")) {
      bool fits = false;
      if (t->is_string()) {
        fits = is_type(v, t->as_string());
      } else {
        for (const auto& one : t->as_array()) fits = fits || is_type(v, one.as_string());
      }
      if (!fits) {
        out.push_back(where + ": " + shown(v) + " is not of type " + shown(*t));
        return;
      }
    }
    if (const auto* e = s.if_contains("enum")) {
      bool listed = false;
      for (const auto& one : e->as_array()) listed = listed || one == v;
      if (!listed) out.push_back(where + ": " + shown(v) + " is not one of " + shown(*e));
    }
    if (const auto* alts = s.if_contains("oneOf")) {
      int fits = 0;
      for (const auto& alt : alts->as_array()) fits += check(v, alt, where).empty() ? 1 : 0;
      if (fits != 1)
        out.push_back(where + ": fits " + std::to_string(fits) + " of the oneOf alternatives");
    }
    if (v.is_object()) object(v.as_object(), s, where, out);
    if (v.is_array())
      if (const auto* items = s.if_contains("items")) {
        size_t i = 0;
        for (const auto& x : v.as_array())
          walk(x, *items, where + "[" + std::to_string(i++) + "]", out);
      }
  }

  void object(const boost::json::object& o, const boost::json::object& s, const std::string& where,
              std::vector<std::string>& out) const {
    const boost::json::object* props = nullptr;
    if (const auto* p = s.if_contains("properties")) props = &p->as_object();
    if (const auto* req = s.if_contains("required"))
      for (const auto& name : req->as_array())
        if (!o.contains(name.as_string()))
          out.push_back(where + ": lacks the required field \"" + std::string(name.as_string()) +
                        "\"");
    const boost::json::value* extra = s.if_contains("additionalProperties");
    for (const auto& [k, x] : o) {
      std::string at = where + "." + std::string(k);
      if (props && props->contains(k)) {
        walk(x, props->at(k), at, out);
      } else if (extra && extra->is_bool()) {
        if (!extra->as_bool())
          out.push_back(where + ": has the undocumented field \"" + std::string(k) + "\"");
      } else if (extra) {
        walk(x, *extra, at, out);
      }
    }
  }

  boost::json::value doc_;
};

}  // namespace caunoi::testutil
