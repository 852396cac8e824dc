// api/json_util.cpp — see json_util.h.
#include "api/json_util.h"

#include "api/router.h"

namespace caunoi::api {

boost::json::object unit_json(const places::Gazetteer& g, const places::Unit& u) {
  boost::json::object o{{"id", u.id},
                        {"code", u.code},
                        {"name", u.name},
                        {"full_name", u.full_name},
                        {"type", u.type},
                        {"level", static_cast<int>(u.level)},
                        {"era", u.era == places::Era::current ? "current" : "old"},
                        {"parent_id", u.parent_id},
                        {"display_name", g.display_name(u)}};
  o["valid_from"] = u.valid_from ? boost::json::value(u.valid_from->iso()) : nullptr;
  o["valid_to"] = u.valid_to ? boost::json::value(u.valid_to->iso()) : nullptr;
  if (u.era == places::Era::old) {
    boost::json::array succ;
    for (const auto& s : u.successors) succ.push_back(boost::json::value(s));
    o["successors"] = std::move(succ);
    const auto& today = g.current_of(u.id);
    o["part_of_today"] = boost::json::object{{"id", today.id}, {"full_name", today.full_name}};
    // A split commune: its figures before 1 July 2025 count in the first successor; the others
    // took "một phần" of it (README, the reform roll-up).
    if (u.successors.size() > 1) {
      boost::json::array parts;
      for (std::size_t i = 1; i < u.successors.size(); ++i) {
        const auto& p = g.get(u.successors[i]);
        parts.push_back(
            boost::json::object{{"id", p.id}, {"full_name", p.full_name}, {"note", "một phần"}});
      }
      o["also_part_of"] = std::move(parts);
    }
  }
  return o;
}

static const char* kind_name(periods::Kind k) {
  switch (k) {
    case periods::Kind::month:
      return "month";
    case periods::Kind::quarter:
      return "quarter";
    case periods::Kind::year:
      return "year";
    case periods::Kind::year_to_date:
      return "year_to_date";
    case periods::Kind::range:
      return "range";
  }
  return "range";
}

boost::json::object period_json(const periods::Period& p) {
  auto one = [](const periods::Period& x) {
    return boost::json::object{{"code", x.code()},     {"kind", kind_name(x.kind)},
                               {"from", x.from.iso()}, {"to", x.to.iso()},
                               {"label_vi", x.vi()},   {"lead_vi", x.vi_lead()}};
  };
  auto o = one(p);
  o["last_year"] = one(p.same_period_last_year());
  return o;
}

std::string required_param(const Request& r, const std::string& name) {
  std::string v = r.param(name);
  if (v.empty())
    throw invalid("missing_parameter", "Thiếu tham số bắt buộc \"" + name + "\".",
                  {{name, "Bắt buộc nhập", 0}});
  return v;
}

periods::Period period_param(const Request& r, const std::string& name) {
  return periods::Period::parse(required_param(r, name));
}

}  // namespace caunoi::api
