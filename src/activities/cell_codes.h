// activities/cell_codes.h — the codes of the reference lists (reference.h) an activity row's
// cells name: a kind or a channel by code, label or the short name reports use ("hội nghị",
// "fanpage", data/import/short_names.csv), and list cells ("Tiếng Mông; Dao") as codes, with a "did
// you mean" refusal (sheets/suggest.h) for what is not in the list. Answers are cached per distinct
// text, as a file repeats a few values over many rows. One per row checker (one thread); private to
// the activities part.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "activities/reference.h"
#include "sheets/text_map.h"

namespace caunoi::activities {

class CellCodes {
 public:
  explicit CellCodes(const Reference& ref);

  // A kind or channel as written → its code ("" if unknown).
  const std::string& kind_or_channel(bool is_kind, std::string_view v);
  // `"v"` and what it probably meant in `list`, for a refusal.
  std::string quoted_with_hint(std::string_view list, std::string_view v) const;

  // A list cell → (codes, refusal or ""). `which` is 0..3 for group, topic, language, partner
  // (the order of the Field enumerators, file_columns.h). Lists are separated by ";" or line
  // breaks, or by commas when the whole part is not an entry ("Mông, Dao").
  const std::pair<std::vector<std::string>, std::string>& list(size_t which, std::string_view v);

 private:
  const Reference& ref_;
  std::unordered_map<std::string, std::unordered_map<std::string, std::string>> aliases_;
  sheets::TextMap<std::string> value_cache_[2];  // [channel, kind]
  sheets::TextMap<std::pair<std::vector<std::string>, std::string>> list_cache_[4];  // by `which`
};

}  // namespace caunoi::activities
