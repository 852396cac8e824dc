// qa/letter.cpp — see letter.h.
#include "qa/letter.h"

#include <algorithm>
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
// Folded, "hỏi" loses its tone and collides: "xã hội", "câu hỏi", "hồi đáp", "gọi hỏi" (a call
// told in the story) hold "hoi" but do not ask.
constexpr std::array kNotAsking = {"xa hoi", "cau hoi", "hoi dap", "goi hoi"};
// The phrases that also fill courtesy ("mong được giải đáp", "cảm ơn đã tư vấn giúp em"), and the
// marks of courtesy itself. A sentence with such a mark asks only with a phrase of its own.
constexpr std::array kPoliteAsks = {"giai dap", "tu van", "huong dan", "nho", "giup", "ho tro"};
constexpr std::array kCourtesy = {"chao",    "cam on",     "thank",   "mong",
                                  "nhu sau", "tran trong", "tham hoi"};
// A sentence that opens with these goes on from the one before ("… chưa làm được giấy khai
// sinh. Thì có nhận được tiền thai sản không?", "… không? Nếu có thì mức hưởng bao nhiêu?", "…
// là 36 triệu. Như vậy có đúng chưa?").
constexpr std::array kFollowOns = {"thi",     "neu co",  "neu duoc", "neu vay",
                                   "con neu", "nhu vay", "hay la"};

// The folded tokens of a sentence, each followed by a space, after a leading space.
std::string folded_words(std::string_view sentence) {
  std::string out = " ";
  for (const auto& t : text::tokenize(sentence, 200)) (out += t.folded) += ' ';
  return out;
}

bool has_phrase(const std::string& folded, std::string_view phrase) {
  return folded.find(' ' + std::string(phrase) + ' ') != std::string::npos;
}

template <std::size_t N>
bool has_any(const std::string& folded, const std::array<const char*, N>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [&](const char* p) { return has_phrase(folded, p); });
}

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
  std::string folded = folded_words(sentence);
  for (const char* p : kNotAsking)
    for (auto at = folded.find(' ' + std::string(p) + ' '); at != std::string::npos;
         at = folded.find(' ' + std::string(p) + ' ', at))
      folded.replace(at + 1, std::string_view(p).size(), std::string_view(p).size(), '_');
  const bool courtesy = has_any(folded, kCourtesy);
  for (const char* p : kAskPhrases)
    if (has_phrase(folded, p) && !(courtesy && std::find(kPoliteAsks.begin(), kPoliteAsks.end(),
                                                         std::string_view(p)) != kPoliteAsks.end()))
      return true;
  // "ạ"/"a" closing a polite sentence: look at the word before it.
  std::size_t last = toks.size() - 1;
  if (last > 0 && toks[last].folded == "a") --last;
  for (const char* e : kAskEndings)
    if (toks[last].folded == e) return true;
  return false;
}

std::vector<std::string> ask_sentences(std::string_view text) {
  std::vector<std::string> out;
  std::vector<std::string> all = sentences(text);
  // A follow-on is read with the sentence it goes on from.
  for (std::size_t i = all.size(); i-- > 1;) {
    const std::string f = folded_words(all[i]);
    if (std::none_of(kFollowOns.begin(), kFollowOns.end(),
                     [&](const char* p) { return f.starts_with(' ' + std::string(p) + ' '); }))
      continue;
    (all[i - 1] += ". ") += all[i];
    all.erase(all.begin() + static_cast<long>(i));
  }
  for (auto& s : all)
    if (asks(s)) out.push_back(std::move(s));
  if (out.empty()) out.emplace_back(text);
  return out;
}

}  // namespace caunoi::qa
