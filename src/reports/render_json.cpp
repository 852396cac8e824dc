// reports/render_json.cpp — the report as the API returns it: raw numbers (for charts) and the
// same cells formatted the Vietnamese way (for tables), column by column.
#include "reports/render.h"

namespace caunoi::reports {
namespace {

const char* kind_name(ColumnKind k) {
  switch (k) {
    case ColumnKind::integer:
      return "integer";
    case ColumnKind::decimal:
      return "decimal";
    case ColumnKind::percent:
      return "percent";
    default:
      return "text";
  }
}

boost::json::value opt(std::optional<double> v) {
  if (!v) return nullptr;
  return *v;
}

boost::json::object item_json(const Item& i) {
  return {{"key", i.key},
          {"label", i.label},
          {"unit", i.unit},
          {"value", opt(i.figure.value)},
          {"previous", opt(i.figure.previous)},
          {"target", opt(i.figure.target)},
          {"pct_of_plan", opt(i.figure.pct_of_plan())},
          {"ratio", opt(i.figure.ratio())},
          {"change_text", i.change}};
}

}  // namespace

boost::json::object render_json(const Report& r) {
  boost::json::array sections;
  for (const auto& s : r.sections) {
    boost::json::array cols, rows, texts, items;
    for (const auto& i : s.items) items.push_back(item_json(i));
    for (const auto& c : s.columns)
      cols.push_back(boost::json::object{{"title", c.title}, {"kind", kind_name(c.kind)}});
    for (const auto& row : s.rows) {
      boost::json::array raw, txt;
      for (const auto& v : row) {
        if (const auto* n = std::get_if<Number>(&v))
          raw.push_back(n->value);
        else if (const auto* t = std::get_if<std::string>(&v))
          raw.push_back(boost::json::string(*t));
        else
          raw.push_back(nullptr);
        txt.push_back(boost::json::string(cell_text(v)));
      }
      rows.push_back(std::move(raw));
      texts.push_back(std::move(txt));
    }
    sections.push_back(boost::json::object{{"id", s.id},
                                           {"title", s.title},
                                           {"columns", std::move(cols)},
                                           {"rows", std::move(items)},
                                           {"cells", std::move(rows)},
                                           {"cells_vi", std::move(texts)},
                                           {"note", s.note}});
  }
  boost::json::object out{
      {"title", r.title},
      {"unit",
       boost::json::object{
           {"id", r.unit->id}, {"name", r.unit->name}, {"display_name", r.unit_name}}},
      {"period", boost::json::object{{"code", r.period.code()}, {"label_vi", r.period.vi()}}},
      {"compare", r.compare},
      {"data", r.approved_only ? "approved" : "all"},
      {"data_note", r.data_note},
      {"narrative", r.narrative},
      {"sections", std::move(sections)}};
  if (!r.reform_note.empty()) out["reform_note"] = r.reform_note;
  return out;
}

}  // namespace caunoi::reports
