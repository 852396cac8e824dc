// common/utf8.h — keeping text valid UTF-8 where it leaves the system.
//
// Request paths and query strings arrive as raw bytes, and some handlers quote them back in
// messages ("Không có mục hỏi đáp …"). JSON must be valid UTF-8 (strict parsers, browsers'
// TextDecoder with fatal set, Boost.JSON itself refuse it otherwise), so every API answer
// passes through valid_utf8() and, when that fails, repair_utf8(). A terminal table lines up
// Vietnamese text by the columns it takes, not its bytes (printf's %-20s counts "bảng" as 6).
#pragma once

#include <string>
#include <string_view>

namespace caunoi {

// Well-formed UTF-8 per RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view s);
// Every ill-formed sequence replaced by one U+FFFD (a bad lead byte together with the stray
// continuation bytes after it); valid text is returned unchanged.
std::string repair_utf8(std::string_view s);

// Columns `s` takes on a terminal: one per code point, none for a combining mark (U+0300–U+036F:
// the tones of decomposed Vietnamese, "a" + U+0300 = "à"). Wide CJK characters count as one.
size_t display_width(std::string_view s);
// `s` followed (pad_right) or preceded (pad_left) by spaces up to `width` columns; unchanged
// when it is that wide already.
std::string pad_right(std::string_view s, size_t width);
std::string pad_left(std::string_view s, size_t width);

}  // namespace caunoi
