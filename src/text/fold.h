// text/fold.h — Vietnamese text folded for matching.
//
// fold("Yên Bái") == fold("yen bai") == fold("YÊN BÁI") == "yen bai". NFC/NFD input and the
// old/new tone-mark placements ("hoà"/"hòa") fold alike, because all marks are removed.
// normalize_nfc keeps the accents (and fixes tone placement is NOT done here; see qa/).
// These are the primitives; the Q&A tokenizer builds on them.
#pragma once

#include <string>
#include <string_view>

namespace caunoi::text {

// NFC, lower case, accents kept ("Hoà" → "hoà"). Invalid UTF-8 becomes U+FFFD.
std::string lower_nfc(std::string_view utf8);
// NFC, upper case, accents kept ("tỉnh Lào Cai" → "TỈNH LÀO CAI"): headings in capitals.
std::string upper_nfc(std::string_view utf8);
// Lower case, accents removed, đ → d, whitespace runs collapsed to one space, trimmed.
std::string fold(std::string_view utf8);

}  // namespace caunoi::text
