// qa/analyzer.cpp — see analyzer.h.
#include "qa/analyzer.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "text/telex.h"

namespace caunoi::qa {

const char* term_mode_name(TermMode m) {
  switch (m) {
    case TermMode::unigram:
      return "unigram";
    case TermMode::bigram:
      return "bigram";
    case TermMode::dict:
      return "dict";
    case TermMode::both:
      return "both";
  }
  return "?";
}

Analyzer::Analyzer(std::shared_ptr<const text::Lexicon> lexicon,
                   std::shared_ptr<const text::Segmenter> words, AnalyzerOptions opt)
    : lexicon_(std::move(lexicon)), words_(std::move(words)), opt_(opt) {
  if (!words_ && (opt_.mode == TermMode::dict || opt_.mode == TermMode::both))
    opt_.mode = TermMode::bigram;
}

namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Chat glues numbers to their unit: "7th", "6tháng", "21tuần", "t1-t7" (tháng 1 to tháng 7),
// "dưới 7t". Such a token becomes the number and the unit, so that "6tháng" meets "6 tháng":
// "th" or "t" glued to a number is "tháng"; a lone "t" after one (tuổi, tháng or triệu) is
// dropped rather than read as "tôi", which the lexicon makes of a lone "t".
std::vector<text::Token> split_units(std::vector<text::Token> in) {
  std::vector<text::Token> out;
  out.reserve(in.size());
  for (auto& t : in) {
    const std::string& f = t.folded;
    const std::size_t lead = std::find_if_not(f.begin(), f.end(), is_digit) - f.begin();
    const std::size_t tail = std::find_if_not(f.rbegin(), f.rend(), is_digit) - f.rbegin();
    const auto month = [] { return text::Token{"thang", "thang", false}; };
    if (lead > 0 && lead < f.size() && tail == 0) {  // "7th", "6tháng"
      std::string unit = t.text.substr(lead), unit_folded = f.substr(lead);
      out.push_back({f.substr(0, lead), f.substr(0, lead), false});
      if (unit_folded == "th" || unit_folded == "thg")
        out.push_back(month());
      else if (unit_folded != "t")
        out.push_back({unit, unit_folded, unit != unit_folded});
    } else if (tail > 0 && tail < f.size() && lead == 0) {  // "t1", "th12"
      const std::string word = f.substr(0, f.size() - tail);
      if (word != "t" && word != "th" && word != "thg") {
        out.push_back(std::move(t));
        continue;
      }
      out.push_back(month());
      out.push_back({f.substr(f.size() - tail), f.substr(f.size() - tail), false});
    } else {
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace

std::vector<text::Token> Analyzer::prepare(std::string_view s) const {
  auto toks = split_units(text::tokenize(s, opt_.max_tokens));
  return lexicon_ ? lexicon_->rewrite(toks) : toks;
}

void Analyzer::phrases(const std::vector<text::Token>& t,
                       const std::function<void(std::string)>& emit) const {
  if (opt_.mode == TermMode::bigram || opt_.mode == TermMode::both)
    for (std::size_t i = 0; i + 1 < t.size(); ++i) emit(t[i].folded + ' ' + t[i + 1].folded);
  if (opt_.mode == TermMode::dict || opt_.mode == TermMode::both)
    for (auto [start, len] : words_->words(t)) {
      std::string k = t[start].folded;
      for (std::size_t j = 1; j < len; ++j) k += '_' + t[start + j].folded;
      emit(std::move(k));
    }
}

std::size_t Analyzer::document_terms(std::string_view s, std::vector<std::string>& out) const {
  auto t = prepare(s);
  for (const auto& x : t) {
    out.push_back(x.folded);
    if (x.marked) out.push_back('\x01' + x.text);
  }
  phrases(t, [&](std::string k) { out.push_back(std::move(k)); });
  return t.size();
}

std::vector<std::string> Analyzer::content_words(std::string_view s) const {
  std::vector<std::string> out;
  for (auto& t : prepare(s))
    if (!lexicon_ || !lexicon_->is_stop(t.folded)) out.push_back(std::move(t.folded));
  return out;
}

std::vector<text::Token> Analyzer::repaired(std::string_view q, const text::Speller* vocab) const {
  auto raw = split_units(text::tokenize(q, opt_.max_tokens));
  if (opt_.repair && vocab) {
    for (auto& t : raw) {
      if (vocab->contains(t.folded)) continue;
      if (!t.marked) {
        if (auto d = text::telex_decode(t.folded); d && vocab->contains(d->folded)) {
          t = {d->accented, d->folded, true};
          continue;
        }
      }
      if (auto c = vocab->correct(t.folded)) t = {*c, *c, false};
    }
  }
  return lexicon_ ? lexicon_->rewrite(raw) : raw;
}

std::vector<std::string> Analyzer::classifier_features(std::string_view text,
                                                       const text::Speller* vocab) const {
  const auto t = repaired(text, vocab);
  std::vector<std::string> out;
  out.reserve(2 * t.size());
  auto is_number = [](const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  std::vector<std::string> words;
  for (const auto& x : t) {
    if (is_number(x.folded))
      words.push_back(x.folded.size() >= 8 ? "#code" : "#num");
    else
      words.push_back(x.folded);
  }
  for (std::size_t i = 0; i < words.size(); ++i) {
    out.push_back(words[i]);
    if (i + 1 < words.size()) out.push_back(words[i] + ' ' + words[i + 1]);
  }
  return out;
}

std::vector<QueryTerm> Analyzer::query_terms(std::string_view q, const text::Speller* vocab) const {
  const auto t = repaired(q, vocab);

  std::vector<QueryTerm> out;
  std::unordered_map<std::string, std::size_t> at;
  auto add = [&](std::string key, float w, bool content) {
    auto [it, fresh] = at.try_emplace(key, out.size());
    if (fresh)
      out.push_back({std::move(key), w, content});
    else
      out[it->second].weight = std::min(opt_.max_weight, out[it->second].weight + w);
  };
  for (const auto& x : t) {
    const bool stop = lexicon_ && lexicon_->is_stop(x.folded);
    add(x.folded, stop ? opt_.stop_weight : 1.0f, !stop);
    if (x.marked)
      add('\x01' + x.text, opt_.accent_weight * (stop ? opt_.stop_weight : 1.0f), false);
  }
  phrases(t, [&](std::string k) { add(std::move(k), opt_.phrase_weight, false); });
  if (lexicon_)
    for (const auto& rel : lexicon_->related(t))
      for (const auto& x : rel) add(x.folded, opt_.related_weight, false);
  return out;
}

}  // namespace caunoi::qa
