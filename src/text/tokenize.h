// text/tokenize.h — splits Vietnamese text into syllable tokens, each with its accented and
// folded form.
//
// Letters, digits and combining marks make tokens; everything else (spaces, punctuation, control
// characters, emoji) separates them. Any Unicode form and any case go in; invalid UTF-8 becomes
// U+FFFD and is dropped as a separator. Used for both the documents and the queries of the Q&A
// index, so both sides see exactly the same forms.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace caunoi::text {

struct Token {
  std::string text;     // canonical accented form (syllable.h); equals `folded` when unmarked
  std::string folded;   // no diacritics, đ → d, lower case
  bool marked = false;  // the writer typed diacritics on this token
};

// At most `max_tokens` tokens are returned (the rest of a very long text is ignored).
std::vector<Token> tokenize(std::string_view utf8, std::size_t max_tokens = 4096);

}  // namespace caunoi::text
