// sheets/text_map.h — maps keyed by a cell's text that answer a lookup by string_view without
// building a string: imports ask them once per cell of a million-row file, and a file names a
// few thousand distinct units, kinds or lists.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

namespace caunoi::sheets {

struct TextHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using TextMap = std::unordered_map<std::string, V, TextHash, std::equal_to<>>;

// m[key], made by `make()` the first time the key is asked for.
template <class V, class Make>
const V& cached(TextMap<V>& m, std::string_view key, Make&& make) {
  auto it = m.find(key);
  if (it == m.end()) it = m.emplace(std::string(key), make()).first;
  return it->second;
}

}  // namespace caunoi::sheets
