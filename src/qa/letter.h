// qa/letter.h — reading a citizen's message for what it asks.
//
// Real questions are letters: a greeting, a name and a code, a story, then the ask ("vậy cho em
// hỏi…", "có được không?"), sometimes two or three asks. The engine ranks the asks, not the
// story, and answers each ask in order. The rules here are about Vietnamese sentences only; what
// a sentence asks for is the ranking's job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "text/tokenize.h"

namespace caunoi::qa {

// The message as the engine reads it: anonymisation placeholders of the evaluation sets
// ("[mã số]", "[số điện thoại]") become what a citizen really types there (a run of digits),
// others ("[tên]", "[công ty]"…) become nothing; runs of white space become one space.
std::string plain_message(std::string_view text);

// The sentences of a message, split at . ? ! ; and line breaks (not inside numbers such as
// 1.800.000 or 7.2024), in order, trimmed, empty ones dropped.
std::vector<std::string> sentences(std::string_view text);

// Whether a sentence asks: it ends with '?' or holds a Vietnamese question or request phrase
// ("cho em hỏi", "bao nhiêu", "có được không", "khi nào", "nhờ … giúp"…), typed with or without
// diacritics.
bool asks(std::string_view sentence);

// The asking sentences of a message, in order; the whole message when none asks.
std::vector<std::string> ask_sentences(std::string_view text);

// Whether a message can be about the asker's own file or money: it names the asker (tôi, em,
// mình…, or a personal code of 8 digits or more), tells the state of a file or a payment (đã,
// chưa, bị, sai, chậm, không nhận được…) or asks for one to be looked up or put right (tra cứu,
// kiểm tra, sửa, cấp lại…). A title that does none of these ("Thời gian giải quyết hồ sơ thai
// sản", "Hồ sơ hưởng BHXH khi chăm con ốm") asks about the rules, whatever its words share with
// own-case requests. `tokens` are the message's, after the analyzer's repairs and rewriting (so
// "tooi", "t" and "tui" are all "tôi"); a word typed with diacritics is matched with them ("chăm
// sóc" is not "chậm"), one typed without, folded.
bool about_own_file(const std::vector<text::Token>& tokens);

}  // namespace caunoi::qa
