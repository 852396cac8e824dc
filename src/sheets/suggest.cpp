// sheets/suggest.cpp — see suggest.h.
#include "sheets/suggest.h"

#include <algorithm>

#include "common/trim.h"
#include "text/speller.h"
#include "text/tokenize.h"

namespace caunoi::sheets {
namespace {

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> out;
  for (auto& t : text::tokenize(text)) out.push_back(std::move(t.folded));
  return out;
}

// Equal, or (for words long enough that one slip is a typo rather than another word) one edit
// apart.
bool near_word(const std::string& a, const std::string& b) {
  return a == b || (a.size() >= 4 && b.size() >= 4 && text::edit_distance(a, b, 1) <= 1);
}

}  // namespace

std::vector<size_t> suggest(std::string_view text, std::span<const std::string_view> labels,
                            size_t max) {
  std::vector<std::string> typed = folded_words(text);
  if (typed.empty()) return {};
  std::vector<std::pair<double, size_t>> scored;
  for (size_t i = 0; i < labels.size(); ++i) {
    std::vector<std::string> label = folded_words(labels[i]);
    size_t shared = 0;
    for (const auto& w : typed) {
      shared += std::any_of(label.begin(), label.end(),
                            [&](const std::string& l) { return near_word(w, l); });
    }
    double score = static_cast<double>(shared) / std::max(typed.size(), label.size());
    if (score >= 0.5) scored.emplace_back(score, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<size_t> out;
  for (const auto& s : scored) {
    if (out.size() == max) break;
    out.push_back(s.second);
  }
  return out;
}

std::string quoted_with_hint(std::string_view text, const std::vector<std::string>& meant) {
  std::string out = "\"";
  out += trim(text);
  out += '"';
  for (size_t i = 0; i < meant.size(); ++i) {
    out += i == 0 ? " (có phải \"" : "\" hoặc \"";
    out += meant[i];
  }
  if (!meant.empty()) out += "\"?)";
  return out;
}

}  // namespace caunoi::sheets
