// sheets/units.cpp — see units.h.
#include "sheets/units.h"

#include <algorithm>
#include <tuple>
#include <vector>

#include "places/names.h"
#include "places/stripped_zeros.h"

namespace caunoi::sheets {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

const ResolvedUnit& UnitCells::resolve(std::string_view text, Date at) {
  bool old = at < places::kReformDate;
  return cached(cache_[old], text, [&] {
    ResolvedUnit r;
    std::tie(r.id, r.error) = compute(text, at, old);
    if (!r.id.empty()) {
      r.unit = g_.find(r.id);
      const places::Unit* u = r.unit;
      while (u && u->level > places::Level::province) u = g_.find(u->parent_id);
      r.province = u ? u->id : r.id;
      r.province_unit = u ? u : r.unit;
    }
    return r;
  });
}

std::pair<std::string, std::string> UnitCells::compute(std::string_view text, Date at, bool old) {
  if (rule_ == CodeRule::by_date && all_digits(text)) return by_code(text, at);
  if (const places::Unit* u = g_.find(text)) return {u->id, ""};  // "old:15", "VN"
  if (rule_ == CodeRule::as_id && (all_digits(text) || text.starts_with("old:")))
    return as_id(text);
  return by_name(text, old);
}

// Bare codes repeat across eras, so the row's date decides; then a code Excel stored as a
// number, on the same date.
std::pair<std::string, std::string> UnitCells::by_code(std::string_view text, Date at) {
  if (const places::Unit* u = g_.resolve_code(text, at)) return {u->id, ""};
  auto z = places::stripped_zeros(
      text, [&](const std::string& code) { return g_.resolve_code(code, at); });
  if (z.taken) return {z.taken->id, ""};
  return {"", "Không có đơn vị hành chính mã \"" + std::string(text) + "\" vào ngày " + at.vi() +
                  "." + places::stripped_zeros_hint(z.candidates)};
}

// An id that names no unit: perhaps one whose zeros Excel dropped, within the id's own era.
std::pair<std::string, std::string> UnitCells::as_id(std::string_view text) {
  std::string era = text.starts_with("old:") ? "old:" : "";
  auto z = places::stripped_zeros(text.substr(era.size()),
                                  [&](const std::string& code) { return g_.find(era + code); });
  if (z.taken) return {z.taken->id, ""};
  std::string hint = places::stripped_zeros_hint(z.candidates);
  return {"", "Không có đơn vị hành chính mã \"" + std::string(text) + "\"" +
                  (hint.empty() ? "" : "." + hint)};
}

std::pair<std::string, std::string> UnitCells::by_name(std::string_view text, bool old) {
  std::vector<const places::Unit*> hits =
      places::units_named(g_, text, old ? places::Era::old : places::Era::current);
  const char* era_text = old ? " (đơn vị trước 01/07/2025)" : " (đơn vị từ 01/07/2025)";
  if (hits.empty()) {
    return {"", "Không tìm thấy đơn vị \"" + std::string(text) + "\"" + era_text + "."};
  }
  // The highest level wins when alone there ("Yên Bái" is the province, not the ward).
  if (places::top_tier(hits) == 1) return {hits[0]->id, ""};
  std::string names;
  for (size_t i = 0; i < hits.size() && i < 4; ++i) {
    const auto anc = g_.ancestors(hits[i]->id);
    names += (i ? "; " : "") + hits[i]->full_name;
    for (const auto* a : anc)
      if (a->id != "VN") names += ", " + a->name;
    names += " (mã " + hits[i]->code + ")";
  }
  return {"", "Có nhiều đơn vị tên \"" + std::string(text) + "\": " + names +
                  ". Hãy ghi mã đơn vị hoặc thêm tên huyện/tỉnh sau dấu phẩy."};
}

}  // namespace caunoi::sheets
