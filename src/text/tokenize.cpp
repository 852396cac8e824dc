// text/tokenize.cpp — see tokenize.h. ASCII tokens take a fast path that skips ICU.
#include "text/tokenize.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <cctype>

#include <unordered_map>

#include "text/syllable.h"

namespace caunoi::text {
namespace {

bool is_mark(UChar32 c) {
  return u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
}

void flush(std::u32string& run, bool ascii, std::vector<Token>& out) {
  if (run.empty()) return;
  Token t;
  if (ascii) {
    t.folded.reserve(run.size());
    for (char32_t c : run)
      t.folded.push_back(static_cast<char>(c >= U'A' && c <= U'Z' ? c + 32 : c));
    t.text = t.folded;
  } else {
    // Vietnamese has a few thousand distinct syllables: remember their forms per thread
    // instead of going through ICU normalisation for every occurrence.
    thread_local std::unordered_map<std::u32string, SyllableForms> cache;
    auto it = cache.find(run);
    if (it == cache.end()) {
      if (cache.size() > 100000) cache.clear();
      it = cache.emplace(run, canonical_syllable(std::u32string_view(run))).first;
    }
    t.text = it->second.accented;
    t.folded = it->second.folded;
    t.marked = it->second.marked;
  }
  out.push_back(std::move(t));
  run.clear();
}

}  // namespace

std::vector<Token> tokenize(std::string_view utf8, std::size_t max_tokens) {
  std::vector<Token> out;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string run;
  bool ascii = true;
  for (int32_t i = 0; i < u.length() && out.size() < max_tokens;) {
    UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    if (c < 0x80 ? std::isalnum(static_cast<unsigned char>(c)) != 0 : u_isalnum(c) != 0) {
      if (c >= 0x80) ascii = false;
      run.push_back(static_cast<char32_t>(c));
    } else if (c >= 0x80 && is_mark(c) && !run.empty()) {
      ascii = false;
      run.push_back(static_cast<char32_t>(c));
    } else {
      flush(run, ascii, out);
      ascii = true;
    }
  }
  if (out.size() < max_tokens) flush(run, ascii, out);
  return out;
}

}  // namespace caunoi::text
