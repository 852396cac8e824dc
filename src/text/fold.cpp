// text/fold.cpp — ICU-based folding; see fold.h.
#include "text/fold.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace caunoi::text {
namespace {

const icu::Normalizer2& nfc() {
  UErrorCode st = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFCInstance(st);
}
const icu::Normalizer2& nfd() {
  UErrorCode st = U_ZERO_ERROR;
  return *icu::Normalizer2::getNFDInstance(st);
}

// Case conversion in the Vietnamese locale, then NFC (a cased letter may decompose).
std::string cased_nfc(std::string_view utf8, bool upper) {
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  if (upper)
    s.toUpper(icu::Locale("vi"));
  else
    s.toLower(icu::Locale("vi"));
  icu::UnicodeString out = nfc().normalize(s, st);
  std::string r;
  out.toUTF8String(r);
  return r;
}

}  // namespace

std::string lower_nfc(std::string_view utf8) {
  return cased_nfc(utf8, false);
}

std::string upper_nfc(std::string_view utf8) {
  return cased_nfc(utf8, true);
}

std::string fold(std::string_view utf8) {
  UErrorCode st = U_ZERO_ERROR;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  icu::UnicodeString d = nfd().normalize(s, st);
  std::string out;
  out.reserve(utf8.size());
  bool space = false;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0110 || c == 0x0111) c = 'd';
    c = u_tolower(c);
    if (u_isUWhiteSpace(c) || c < 0x20) {
      space = !out.empty();
      continue;
    }
    if (space) {
      out.push_back(' ');
      space = false;
    }
    icu::UnicodeString one(c);
    one.toUTF8String(out);
  }
  return out;
}

}  // namespace caunoi::text
