// common/utf8.cpp — see utf8.h.
#include "common/utf8.h"

#include <algorithm>

namespace caunoi {

namespace {

// Length of the well-formed sequence at s[i], or 0 if ill-formed there.
size_t sequence_length(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = b(0);
  if (c < 0x80) return 1;
  size_t n = c >= 0xC2 && c <= 0xDF   ? 2
             : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4
                                      : 0;
  if (n == 0 || i + n > s.size()) return 0;
  // The second byte's range depends on the first (overlongs, surrogates, > U+10FFFF).
  unsigned char lo = 0x80, hi = 0xBF;
  if (c == 0xE0) lo = 0xA0;
  if (c == 0xED) hi = 0x9F;
  if (c == 0xF0) lo = 0x90;
  if (c == 0xF4) hi = 0x8F;
  if (b(1) < lo || b(1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if (b(k) < 0x80 || b(k) > 0xBF) return 0;
  return n;
}

}  // namespace

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t n = sequence_length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    if (size_t n = sequence_length(s, i)) {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    out += "\xEF\xBF\xBD";
    // Skip the lead byte and any continuation bytes that followed it as one invalid subpart.
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80 &&
           sequence_length(s, i) == 0)
      ++i;
  }
  return out;
}

size_t display_width(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t n = std::max<size_t>(sequence_length(s, i), 1);  // a broken byte takes one
    // U+0300–U+036F is CC 80 – CD AF.
    const auto b0 = static_cast<unsigned char>(s[i]);
    const bool combining =
        n == 2 && (b0 == 0xCC || (b0 == 0xCD && static_cast<unsigned char>(s[i + 1]) <= 0xAF));
    width += combining ? 0 : 1;
    i += n;
  }
  return width;
}

std::string pad_right(std::string_view s, size_t width) {
  size_t w = display_width(s);
  return std::string(s) + std::string(w < width ? width - w : 0, ' ');
}

std::string pad_left(std::string_view s, size_t width) {
  size_t w = display_width(s);
  return std::string(w < width ? width - w : 0, ' ') + std::string(s);
}

}  // namespace caunoi
