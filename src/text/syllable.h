// text/syllable.h — one Vietnamese syllable in canonical accented form.
//
// Vietnamese writes a tone mark on one vowel of the syllable, and two spelling conventions put it
// on different vowels ("hoà"/"hòa", "thuý"/"thúy"); text may also arrive composed (NFC) or
// decomposed (NFD). canonical_syllable() strips the tone, keeps the vowel-quality marks (ă â ê ô
// ơ ư đ) and puts the tone back on the vowel a fixed rule picks, so every spelling of a syllable
// gives the same string. The tokenizer (tokenize.h) calls it for every token; the Q&A index keys
// its accented terms on it.
#pragma once

#include <string>
#include <string_view>

namespace caunoi::text {

struct SyllableForms {
  std::string accented;  // NFC, lower case, tone on the canonical vowel ("hoà" and "hòa" → "hoà")
  std::string folded;   // no marks at all, đ → d ("hoa")
  bool marked = false;  // the input carried any diacritic (tone, quality mark or đ)
};

// `word` is one token: letters, digits and combining marks, any normalisation form, any case.
SyllableForms canonical_syllable(std::u32string_view word);
SyllableForms canonical_syllable(std::string_view utf8_word);

}  // namespace caunoi::text
