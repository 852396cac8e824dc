// activities/cell_codes.cpp — see cell_codes.h.
#include "activities/cell_codes.h"

#include "common/trim.h"
#include "sheets/headings.h"
#include "sheets/suggest.h"

namespace caunoi::activities {

CellCodes::CellCodes(const Reference& ref) : ref_(ref) {
  auto names = sheets::Headings::standard(sheets::Headings::kShortNamesFile);
  for (const char* list : {"kind", "channel"})
    for (const auto& [key, code] : names->keys(list)) aliases_[list].emplace(key, code);
}

std::string CellCodes::quoted_with_hint(std::string_view list, std::string_view v) const {
  std::vector<std::string> meant;
  for (const RefEntry* e : ref_.suggest(list, v)) meant.push_back(e->label);
  return sheets::quoted_with_hint(v, meant);
}

const std::string& CellCodes::kind_or_channel(bool is_kind, std::string_view v) {
  static const std::string kKind = "kind", kChannel = "channel";
  const std::string& list = is_kind ? kKind : kChannel;
  return sheets::cached(value_cache_[is_kind], v, [&] {
    std::string code = ref_.lookup(list, v).value_or("");
    if (code.empty()) {
      auto& al = aliases_[list];
      if (auto m = al.find(sheets::heading_key(v)); m != al.end()) code = m->second;
    }
    return code;
  });
}

const std::pair<std::vector<std::string>, std::string>& CellCodes::list(size_t which,
                                                                        std::string_view v) {
  static const std::string kListNames[] = {"group", "topic", "language", "partner"};
  const std::string& list = kListNames[which];
  return sheets::cached(list_cache_[which], v, [&] {
    std::pair<std::vector<std::string>, std::string> res;
    auto take = [&](std::string_view part) {
      part = trim(part);
      if (part.empty()) return;
      if (auto code = ref_.lookup(list, part)) {
        res.first.push_back(*code);
        return;
      }
      std::string_view rest = part;
      while (!rest.empty()) {
        size_t comma = rest.find(',');
        std::string_view p = trim(rest.substr(0, comma));
        if (!p.empty()) {
          if (auto code = ref_.lookup(list, p)) {
            res.first.push_back(*code);
          } else {
            res.second += (res.second.empty() ? "" : ", ") + quoted_with_hint(list, p);
          }
        }
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
      }
    };
    std::string_view rest = v;
    while (!rest.empty()) {
      size_t sep = rest.find_first_of(";\n");
      take(rest.substr(0, sep));
      if (sep == std::string_view::npos) break;
      rest.remove_prefix(sep + 1);
    }
    if (!res.second.empty()) res.second = "Không có trong danh mục: " + res.second + ".";
    return res;
  });
}

}  // namespace caunoi::activities
