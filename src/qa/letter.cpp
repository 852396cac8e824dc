// qa/letter.cpp — see letter.h.
#include "qa/letter.h"

#include <array>

#include "text/tokenize.h"

namespace caunoi::qa {
namespace {

bool digit(char c) {
  return c >= '0' && c <= '9';
}
bool space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

// Folded phrases that make a sentence ask, matched on whole tokens.
constexpr std::array kAskPhrases = {
    "hoi",        "bao gio",    "bao lau",   "bao nhieu",   "bn",       "nhu the nao", "the nao",
    "ntn",        "ra sao",     "lam sao",   "lam the nao", "o dau",    "khi nao",     "luc nao",
    "tai sao",    "vi sao",     "sao",       "gi",          "j",        "nao",         "co phai",
    "hay khong",  "hay chua",   "muon biet", "cho biet",    "giai dap", "tu van",      "huong dan",
    "nho",        "giup",       "kiem tra",  "tra cuu",     "vay",      "lieu",        "co duoc",
    "duoc khong", "phai khong", "can nhung", "ho tro"};
// A sentence ending with one of these asks ("… có được hưởng không", "… duyệt chưa").
constexpr std::array kAskEndings = {"khong", "ko", "k", "hong", "hem", "chua", "ha", "nhi"};

}  // namespace

std::string plain_message(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto put_space = [&] {
    if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
  };
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '[') {
      const auto close = s.find(']', i);
      if (close != std::string_view::npos && close - i <= 40) {
        const auto inner = s.substr(i + 1, close - i - 1);
        // A code or a phone number is a run of digits in a real message; a name, a company, an
        // address or a date of birth is words the bank knows nothing about.
        put_space();
        if (inner == "mã số" || inner == "số điện thoại" || inner == "ma so") out += "0123456789 ";
        i = close + 1;
        continue;
      }
    }
    if (space(s[i]))
      put_space();
    else
      out += s[i];
    ++i;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  return out;
}

std::vector<std::string> sentences(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::size_t b = 0, e = cur.size();
    while (b < e && (space(cur[b]) || cur[b] == '-' || cur[b] == '\n')) ++b;
    while (e > b && (space(cur[e - 1]) || cur[e - 1] == '\n')) --e;
    if (e > b && !text::tokenize(std::string_view(cur).substr(b, e - b), 1).empty())
      out.emplace_back(cur.substr(b, e - b));
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool in_number =
        (c == '.' || c == ',') && i > 0 && digit(s[i - 1]) && i + 1 < s.size() && digit(s[i + 1]);
    if (c == '\n' || c == '?' || c == '!' || c == ';' || (c == '.' && !in_number)) {
      if (c == '?') cur += c;
      flush();
    } else {
      cur += c;
    }
  }
  flush();
  return out;
}

bool asks(std::string_view sentence) {
  if (!sentence.empty() && sentence.back() == '?') return true;
  const auto toks = text::tokenize(sentence, 200);
  if (toks.empty()) return false;
  std::string folded = " ";
  for (const auto& t : toks) (folded += t.folded) += ' ';
  for (const char* p : kAskPhrases)
    if (folded.find(' ' + std::string(p) + ' ') != std::string::npos) return true;
  // "ạ"/"a" closing a polite sentence: look at the word before it.
  std::size_t last = toks.size() - 1;
  if (last > 0 && toks[last].folded == "a") --last;
  for (const char* e : kAskEndings)
    if (toks[last].folded == e) return true;
  return false;
}

std::vector<std::string> ask_sentences(std::string_view text) {
  std::vector<std::string> out;
  for (auto& s : sentences(text))
    if (asks(s)) out.push_back(std::move(s));
  if (out.empty()) out.emplace_back(text);
  return out;
}

}  // namespace caunoi::qa
