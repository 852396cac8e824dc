// places/unit_arg.cpp — see unit_arg.h.
#include "places/unit_arg.h"

#include "common/error.h"
#include "places/names.h"

namespace caunoi::places {
namespace {

std::string labelled(const Gazetteer& g, const Unit& u) {
  std::string s = u.full_name + " (mã " + u.id + ")";
  if (u.level == Level::commune) s += ", " + g.current_province_of(u.id).full_name;
  return s;
}

}  // namespace

const Unit& unit_from_text(const Gazetteer& g, std::string_view text) {
  if (const Unit* u = g.find(text)) return *u;
  std::vector<const Unit*> named = units_named(g, text, Era::current);
  if (!named.empty()) {
    std::vector<const Unit*> top(named.begin(),
                                 named.begin() + static_cast<std::ptrdiff_t>(top_tier(named)));
    if (top.size() == 1) return *top.front();
    std::vector<FieldError> errors;
    std::string list;
    for (const Unit* u : top) {
      errors.push_back({"unit", labelled(g, *u), 0});
      list += (list.empty() ? "" : "; ") + labelled(g, *u);
    }
    throw invalid("ambiguous_unit",
                  "Có " + std::to_string(top.size()) + " đơn vị cùng tên \"" + std::string(text) +
                      "\": " + list + ". Hãy nhập mã đơn vị.",
                  std::move(errors));
  }
  std::string hint;
  for (const Unit* u : g.search(text, 5, Era::current))
    hint += (hint.empty() ? " Có phải: " : "; ") + labelled(g, *u);
  throw not_found("unit_not_found", "Không có đơn vị nào mã hoặc tên \"" + std::string(text) +
                                        "\"." + (hint.empty() ? "" : hint + "?"));
}

}  // namespace caunoi::places
