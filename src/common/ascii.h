// common/ascii.h — ASCII case folding for protocol text: header names, media types, parameter
// names, file extensions. Not for Vietnamese text, which text/fold.h folds with ICU.
#pragma once

#include <string>
#include <string_view>

namespace caunoi {

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace caunoi
