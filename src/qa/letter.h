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

}  // namespace caunoi::qa
