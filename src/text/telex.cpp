// text/telex.cpp — see telex.h. Builds the decomposed syllable (base letters plus combining
// marks) and lets canonical_syllable() place the tone.
#include "text/telex.h"

#include <vector>

namespace caunoi::text {
namespace {

constexpr char32_t kCircumflex = 0x0302, kBreve = 0x0306, kHorn = 0x031B;

char32_t tone_of(char c) {
  switch (c) {
    case 's':
      return 0x0301;
    case 'f':
      return 0x0300;
    case 'r':
      return 0x0309;
    case 'x':
      return 0x0303;
    case 'j':
      return 0x0323;
    default:
      return 0;
  }
}
bool vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

struct L {
  char base;
  char32_t mark = 0;
};

}  // namespace

std::optional<SyllableForms> telex_decode(std::string_view w) {
  if (w.size() < 2 || w.size() > 10) return std::nullopt;
  std::vector<L> letters;
  char32_t tone = 0;
  bool changed = false, seen_vowel = false;
  for (std::size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (c < 'a' || c > 'z') return std::nullopt;
    if (seen_vowel && tone_of(c) && !tone) {
      tone = tone_of(c);
      changed = true;
      continue;
    }
    if (c == 'w') {
      // "uow" → ươ; "aw" → ă; "ow"/"uw" → ơ/ư.
      const std::size_t n = letters.size();
      if (n && letters[n - 1].mark == 0 &&
          (letters[n - 1].base == 'a' || letters[n - 1].base == 'o' ||
           letters[n - 1].base == 'u')) {
        letters[n - 1].mark = letters[n - 1].base == 'a' ? kBreve : kHorn;
        if (letters[n - 1].base == 'o' && n >= 2 && letters[n - 2].base == 'u')
          letters[n - 2].mark = kHorn;
      } else if (!seen_vowel) {
        letters.push_back({'u', kHorn});
        seen_vowel = true;
      } else {
        return std::nullopt;
      }
      changed = true;
      continue;
    }
    if (!letters.empty() && letters.back().base == c && letters.back().mark == 0 &&
        (c == 'a' || c == 'e' || c == 'o' || (c == 'd' && letters.size() == 1))) {
      letters.back().mark = c == 'd' ? 1 : kCircumflex;
      changed = true;
      continue;
    }
    if (vowel(c)) seen_vowel = true;
    letters.push_back({c});
  }
  if (!changed || !seen_vowel) return std::nullopt;
  std::u32string out;
  for (const L& l : letters) {
    if (l.base == 'd' && l.mark == 1) {
      out.push_back(0x0111);
      continue;
    }
    out.push_back(static_cast<char32_t>(l.base));
    if (l.mark) out.push_back(l.mark);
  }
  if (tone) out.push_back(tone);  // position is fixed by canonical_syllable
  return canonical_syllable(std::u32string_view(out));
}

}  // namespace caunoi::text
