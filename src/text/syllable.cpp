// text/syllable.cpp — tone-mark placement rule and folding of one token; see syllable.h.
//
// Works on the NFD form: base letters, then their combining marks. The five tone marks are
// taken out; the quality marks stay with their letter. The rule that puts the tone back follows
// the "new" convention (hoà, thuý), which makes it a canonical key, not a spelling judgement.
#include "text/syllable.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <vector>

namespace caunoi::text {
namespace {

bool is_tone(char32_t m) {
  return m == 0x0300 || m == 0x0301 || m == 0x0303 || m == 0x0309 || m == 0x0323;
}
bool is_vowel(char32_t c) {
  switch (c) {
    case U'a':
    case U'e':
    case U'i':
    case U'o':
    case U'u':
    case U'y':
      return true;
    default:
      return false;
  }
}

struct Letter {
  char32_t base;
  std::u32string marks;  // quality marks only (circumflex, breve, horn), in NFD order
};

// Index of the letter that carries the tone, or -1 when the token has no vowel.
int tone_position(const std::vector<Letter>& w) {
  const int n = static_cast<int>(w.size());
  int i = 0;
  while (i < n && !is_vowel(w[i].base)) ++i;
  // "qu" and "gi" before another vowel: the u / i belongs to the initial consonant.
  if (i == 1 && i + 1 < n && is_vowel(w[i + 1].base) && w[i].marks.empty() &&
      ((w[0].base == U'q' && w[1].base == U'u') || (w[0].base == U'g' && w[1].base == U'i')))
    ++i;
  if (i >= n) return -1;
  int j = i;
  while (j < n && is_vowel(w[j].base)) ++j;  // cluster is [i, j)
  int last_marked = -1;
  for (int k = i; k < j; ++k)
    if (!w[k].marks.empty()) last_marked = k;
  if (last_marked >= 0) return last_marked;
  const int len = j - i;
  if (j < n || len == 1) return j - 1;  // closed syllable: last vowel of the cluster
  if (len == 3) return i + 1;
  const char32_t a = w[i].base, b = w[i + 1].base;
  if ((a == U'o' && (b == U'a' || b == U'e')) || (a == U'u' && b == U'y')) return i + 1;
  return i;
}

std::string to_utf8_nfc(const std::u32string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()),
                                                       static_cast<int32_t>(s.size()));
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString c = icu::Normalizer2::getNFCInstance(st)->normalize(u, st);
  std::string out;
  c.toUTF8String(out);
  return out;
}

}  // namespace

SyllableForms canonical_syllable(std::u32string_view word) {
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString in = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(word.data()), static_cast<int32_t>(word.size()));
  icu::UnicodeString d = icu::Normalizer2::getNFDInstance(st)->normalize(in, st);
  d.toLower(icu::Locale("vi"));

  SyllableForms f;
  std::vector<Letter> letters;
  char32_t tone = 0;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    const bool mark = u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
    if (mark) {
      f.marked = true;
      if (is_tone(static_cast<char32_t>(c)))
        tone = static_cast<char32_t>(c);
      else if (!letters.empty())
        letters.back().marks.push_back(static_cast<char32_t>(c));
      continue;
    }
    if (c == 0x0111) f.marked = true;
    letters.push_back({static_cast<char32_t>(c), {}});
  }

  std::u32string folded, accented;
  const int at = tone ? tone_position(letters) : -1;
  for (int k = 0; k < static_cast<int>(letters.size()); ++k) {
    const Letter& l = letters[k];
    folded.push_back(l.base == 0x0111 ? U'd' : l.base);
    accented.push_back(l.base);
    accented += l.marks;
    if (k == at) accented.push_back(tone);
  }
  f.folded = to_utf8_nfc(folded);
  f.accented = f.marked ? to_utf8_nfc(accented) : f.folded;
  return f;
}

SyllableForms canonical_syllable(std::string_view utf8_word) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8_word.data(), static_cast<int32_t>(utf8_word.size())));
  std::u32string w(static_cast<size_t>(u.countChar32()), U'\0');
  UErrorCode st = U_ZERO_ERROR;
  u.toUTF32(reinterpret_cast<UChar32*>(w.data()), static_cast<int32_t>(w.size()), st);
  return canonical_syllable(std::u32string_view(w));
}

}  // namespace caunoi::text
