// common/utf8.h — keeping text valid UTF-8 where it leaves the system.
//
// Request paths and query strings arrive as raw bytes, and some handlers quote them back in
// messages ("Không có mục hỏi đáp …"). JSON must be valid UTF-8 (strict parsers, browsers'
// TextDecoder with fatal set, Boost.JSON itself refuse it otherwise), so every API answer
// passes through valid_utf8() and, when that fails, repair_utf8().
#pragma once

#include <string>
#include <string_view>

namespace caunoi {

// Well-formed UTF-8 per RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view s);
// Every ill-formed sequence replaced by one U+FFFD (a bad lead byte together with the stray
// continuation bytes after it); valid text is returned unchanged.
std::string repair_utf8(std::string_view s);

}  // namespace caunoi
