// text/segment.h — dictionary segmentation of syllables into words (data/words/vi_words.txt).
//
// Vietnamese writes one syllable per space; "bảo hiểm", "thất nghiệp" are single words. The Q&A
// index can key on such words (this) or on every pair of neighbouring syllables; qa-eval
// measures both (docs/qa-evaluation.md). Matching is greedy longest-first on folded syllables, so
// unaccented text segments like accented text.
#pragma once

#include <filesystem>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "text/tokenize.h"

namespace caunoi::text {

class Segmenter {
 public:
  // One word a line; single-syllable lines are ignored. Throws std::runtime_error if unreadable.
  static Segmenter load(const std::filesystem::path& file);
  void add(const std::string& word_utf8);
  // (start, length) of every dictionary word of two syllables or more, left to right.
  std::vector<std::pair<std::size_t, std::size_t>> words(const std::vector<Token>& tokens) const;
  std::size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;  // folded syllables joined by ' '
  std::size_t longest_ = 1;                // in syllables
};

}  // namespace caunoi::text
