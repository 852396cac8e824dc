// text/telex.h — reads leftover Telex keystrokes ("baor hieemr" → "bảo hiểm").
//
// People whose keyboard input method is off type the Telex keys literally: doubled vowels for
// â ê ô, w for ă ơ ư, dd for đ, and s f r x j for the five tones. telex_decode() undoes that for
// one ASCII token. It does not decide whether the token was meant as Telex: the caller tries it
// only for tokens its vocabulary does not know (see text/speller.h and qa/analyzer).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "text/syllable.h"

namespace caunoi::text {

// nullopt when the token holds no Telex key or cannot be a syllable written in Telex.
std::optional<SyllableForms> telex_decode(std::string_view ascii_lower);

}  // namespace caunoi::text
