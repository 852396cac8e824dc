// api/routes_places.cpp — /api/v1/places: children, one unit with ancestors and what it stood
// for before the reform (the old units it took whole or "một phần" of), search by name
// (optionally within a territory and on a day).
#include "api/context.h"
#include "api/json_util.h"
#include "api/router.h"
#include "places/reform.h"

namespace caunoi::api {

void register_places_routes(Router& r, Context& ctx) {
  const places::Gazetteer& g = *ctx.places;

  // ?parent=VN (default) lists today's provinces; &era=old lists the 63 provinces before 2025-07.
  r.get("/api/v1/places", [&g](const Request& q, const Params&) {
    std::string era = q.param("era", "current");
    if (era != "current" && era != "old")
      throw invalid("bad_era", "Tham số era chỉ nhận \"current\" hoặc \"old\".",
                    {{"era", "Giá trị không hợp lệ", 0}});
    boost::json::array items;
    for (const auto* u : g.children(q.param("parent", "VN"),
                                    era == "old" ? places::Era::old : places::Era::current))
      items.push_back(unit_json(g, *u));
    size_t n = items.size();
    return Response::json(boost::json::object{{"items", std::move(items)}, {"count", n}});
  });

  r.get("/api/v1/places/search", [&g](const Request& q, const Params&) {
    std::string text = required_param(q, "q");
    size_t limit = 20;
    try {
      limit = std::clamp<size_t>(std::stoul(q.param("limit", "20")), 1, 200);
    } catch (const std::exception&) {
      throw invalid("bad_limit", "Tham số limit phải là số nguyên dương.");
    }
    std::optional<places::Era> era;
    if (q.param("era") == "old") era = places::Era::old;
    if (q.param("era") == "current") era = places::Era::current;
    // within=<current unit>: only what lies in it today; on=<date>: only units in force that day
    // (the activity form offers an officer the units of their own area, of the activity's era).
    std::string within = q.param("within", "VN");
    std::optional<Date> on;
    if (std::string d = q.param("on"); !d.empty()) {
      on = Date::parse(d);
      if (!on)
        throw invalid("bad_date", "Tham số on phải là một ngày (yyyy-mm-dd hoặc dd/mm/yyyy).",
                      {{"on", "Ngày không hợp lệ", 0}});
    }
    auto found = within == "VN" && !on ? g.search(text, limit, era)
                                       : places::search_in(g, text, limit, within, on);
    boost::json::array items;
    for (const auto* u : found)
      if (!era || u->era == *era) items.push_back(unit_json(g, *u));
    size_t n = items.size();
    return Response::json(boost::json::object{{"items", std::move(items)}, {"count", n}});
  });

  r.get("/api/v1/places/{id}", [&g](const Request&, const Params& p) {
    const auto& u = g.get(p.at("id"));
    auto o = unit_json(g, u);
    boost::json::array anc;
    for (const auto* a : g.ancestors(u.id)) anc.push_back(unit_json(g, *a));
    o["ancestors"] = std::move(anc);
    o["children_count"] = g.children(u.id).size();
    // What figures of this unit before 1 July 2025 cover (a 2022 report of today's Lào Cai
    // holds old Lào Cai and old Yên Bái).
    boost::json::array olds;
    for (const auto* o2 : places::predecessors(g, u.id)) olds.push_back(unit_json(g, *o2));
    o["predecessors"] = std::move(olds);
    // Split communes of which this unit took "một phần", whose figures count elsewhere.
    boost::json::array parts;
    for (const auto* o2 : places::partial_predecessors(g, u.id)) {
      const auto& counted = g.current_of(o2->id);
      parts.push_back(boost::json::object{
          {"id", o2->id},
          {"full_name", o2->full_name},
          {"display_name", g.display_name(*o2)},
          {"counted_in", boost::json::object{{"id", counted.id}, {"full_name", counted.full_name}}},
          {"note", "một phần"}});
    }
    o["partial_predecessors"] = std::move(parts);
    if (auto note = places::before_reform_note(g, u); !note.empty()) o["before_reform"] = note;
    return Response::json(o);
  });
}

}  // namespace caunoi::api
