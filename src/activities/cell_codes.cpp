// activities/cell_codes.cpp — see cell_codes.h.
#include "activities/cell_codes.h"

#include <tuple>

#include "common/trim.h"
#include "sheets/headings.h"
#include "sheets/suggest.h"

namespace caunoi::activities {
namespace {

// Short names of kinds and channels as reports write them (folded as headings are).
const std::vector<std::tuple<const char*, const char*, const char*>>& value_aliases() {
  static const std::vector<std::tuple<const char*, const char*, const char*>> k = {
      {"kind", "hoi nghi", "conference"},
      {"kind", "khach hang", "customer_conference"},
      {"kind", "tu van", "consultation"},
      {"kind", "nhom nho", "small_group"},
      {"kind", "ra quan", "campaign_launch"},
      {"kind", "toa dam", "online_forum"},
      {"kind", "loa truyen thanh", "loudspeaker"},
      {"kind", "phat thanh loa", "loudspeaker"},
      {"kind", "tin bai", "press_item"},
      {"kind", "bao chi", "press_item"},
      {"kind", "dang tai", "online_post"},
      {"kind", "mang xa hoi", "online_post"},
      {"kind", "an pham", "printed"},
      {"kind", "to roi", "printed"},
      {"kind", "tong dai", "hotline"},
      {"channel", "cong ttdt", "portal"},
      {"channel", "cong thong tin", "portal"},
      {"channel", "website", "portal"},
      {"channel", "fanpage", "facebook"},
      {"channel", "zalo oa", "zalo"},
      {"channel", "dai phat thanh", "radio"},
      {"channel", "dai truyen hinh", "tv"},
  };
  return k;
}

}  // namespace

CellCodes::CellCodes(const Reference& ref) : ref_(ref) {
  for (const auto& [list, alias, code] : value_aliases()) aliases_[list].emplace(alias, code);
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
