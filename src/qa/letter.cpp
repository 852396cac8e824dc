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

// Phrases that make a sentence ask, matched on whole tokens: on the accented form where the
// writer typed diacritics ("nạo" is not "nào", "xã hội" not "hỏi"), else folded.
constexpr std::array kAskPhrases = {
    "hỏi",        "bao giờ",    "bao lâu",   "bao nhiêu",   "bn",       "như thế nào", "thế nào",
    "ntn",        "ra sao",     "làm sao",   "làm thế nào", "ở đâu",    "khi nào",     "lúc nào",
    "tại sao",    "vì sao",     "sao",       "gì",          "j",        "nào",         "có phải",
    "hay không",  "hay chưa",   "muốn biết", "cho biết",    "giải đáp", "tư vấn",      "hướng dẫn",
    "nhờ",        "giúp",       "kiểm tra",  "tra cứu",     "vậy",      "liệu",        "có được",
    "được không", "phải không", "cần những", "hỗ trợ"};
// A sentence ending with one of these asks ("… có được hưởng không", "… duyệt chưa").
constexpr std::array kAskEndings = {"khong", "ko", "k", "hong", "hem", "chua", "ha", "nhi"};
// Typed without diacritics, "hỏi" collides with "xã hội" and "hồi đáp"; and "câu hỏi", "gọi hỏi"
// (a call told in the story) hold it but do not ask.
constexpr std::array kNotAsking = {"xã hội", "câu hỏi", "hồi đáp", "gọi hỏi"};
// The phrases that also fill courtesy ("mong được giải đáp", "cảm ơn đã tư vấn giúp em"), and the
// marks of courtesy itself. A sentence with such a mark asks only with a phrase of its own.
constexpr std::array kPoliteAsks = {"giải đáp", "tư vấn", "hướng dẫn", "nhờ", "giúp", "hỗ trợ"};
constexpr std::array kCourtesy = {"chao",    "cam on",     "thank",   "mong",
                                  "nhu sau", "tran trong", "tham hoi"};
// A sentence that opens with these goes on from the one before ("… chưa làm được giấy khai
// sinh. Thì có nhận được tiền thai sản không?", "… không? Nếu có thì mức hưởng bao nhiêu?", "…
// là 36 triệu. Như vậy có đúng chưa?").
constexpr std::array kFollowOns = {"thi",     "neu co",  "neu duoc", "neu vay",
                                   "con neu", "nhu vay", "hay la"};

// The marks of a message about the asker's own file (about_own_file): who asks, the state of a
// file or a payment, a request to look one up or put it right.
constexpr std::array kOwnFileMarks = {
    // the asker
    "tôi", "em", "mình", "tớ", "cháu",
    // the state of a file or a payment
    "đã", "chưa", "rồi", "vẫn", "bị", "sai", "nhầm", "lỗi", "chậm", "trễ", "treo", "thiếu", "mất",
    "không nhận", "không thấy", "không hiện", "không về", "không đúng", "không khớp", "ít hơn",
    "tình trạng", "trạng thái",
    // a request to look it up or put it right
    "tra", "tra cứu", "check", "kiểm tra", "ktra", "sửa", "điều chỉnh", "cập nhật", "xin lại",
    "cấp lại", "mở khóa", "khiếu nại", "duyệt", "từ chối", "hoàn trả"};

// The folded tokens of a sentence, each followed by a space, after a leading space.
std::string folded_words(std::string_view sentence) {
  std::string out = " ";
  for (const auto& t : text::tokenize(sentence, 200)) (out += t.folded) += ' ';
  return out;
}

// Likewise, each token as typed: accented where the writer typed diacritics, else folded; those
// `blank` marks become "_".
std::string typed_words(const std::vector<text::Token>& toks, const std::vector<char>& blank) {
  std::string out = " ";
  for (std::size_t i = 0; i < toks.size(); ++i)
    (out += blank[i] ? std::string("_") : toks[i].marked ? toks[i].text : toks[i].folded) += ' ';
  return out;
}

// A phrase of the lists above, accented and folded.
struct Phrase {
  std::string accented, folded;
};
template <std::size_t N>
std::vector<Phrase> phrases(const std::array<const char*, N>& list) {
  std::vector<Phrase> out;
  for (const char* p : list) out.push_back({p, folded_words(p).substr(1, std::string::npos)});
  for (auto& p : out) p.folded.pop_back();
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
  static const auto ask_phrases = phrases(kAskPhrases);
  static const auto not_asking = phrases(kNotAsking);
  // Words of a phrase that does not ask, matched folded, are blanked out.
  std::vector<char> blank(toks.size(), 0);
  for (const auto& p : not_asking) {
    const auto n = static_cast<std::size_t>(std::count(p.folded.begin(), p.folded.end(), ' ') + 1);
    for (std::size_t i = 0; i + n <= toks.size(); ++i) {
      std::string f;
      for (std::size_t k = i; k < i + n; ++k) (f += k > i ? " " : "") += toks[k].folded;
      if (f != p.folded) continue;
      std::fill(blank.begin() + static_cast<long>(i), blank.begin() + static_cast<long>(i + n), 1);
    }
  }
  const std::string typed = typed_words(toks, blank);
  const bool courtesy = has_any(folded_words(sentence), kCourtesy);
  for (std::size_t i = 0; i < ask_phrases.size(); ++i) {
    const auto& p = ask_phrases[i];
    if (!has_phrase(typed, p.accented) && !has_phrase(typed, p.folded)) continue;
    const bool polite = std::find(kPoliteAsks.begin(), kPoliteAsks.end(),
                                  std::string_view(kAskPhrases[i])) != kPoliteAsks.end();
    if (!(courtesy && polite)) return true;
  }
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
    (all[i - 1] += all[i - 1].back() == '?' ? " " : ". ") += all[i];
    all.erase(all.begin() + static_cast<long>(i));
  }
  for (auto& s : all)
    if (asks(s)) out.push_back(std::move(s));
  if (out.empty()) out.emplace_back(text);
  return out;
}

bool about_own_file(const std::vector<text::Token>& tokens) {
  static const auto marks = [] {
    std::vector<std::vector<text::Token>> out;
    for (const char* m : kOwnFileMarks) out.push_back(text::tokenize(m));
    return out;
  }();
  // A phrase's word matches a token typed with diacritics only with the same ones.
  auto same = [](const text::Token& typed, const text::Token& word) {
    return typed.marked ? typed.text == word.text : typed.folded == word.folded;
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& f = tokens[i].folded;
    if (f.size() >= 8 && std::all_of(f.begin(), f.end(), [](char c) { return digit(c); }))
      return true;  // a personal code
    for (const auto& m : marks) {
      if (i + m.size() > tokens.size()) continue;
      std::size_t k = 0;
      while (k < m.size() && same(tokens[i + k], m[k])) ++k;
      if (k == m.size()) return true;
    }
  }
  return false;
}

}  // namespace caunoi::qa
