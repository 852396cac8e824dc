// text/lexicon.h — abbreviations, equivalent spellings, related phrases and stop words, read
// from a data file (data/qa/lexicon.txt).
//
// File format, one rule a line, '#' starts a comment:
//   = canonical phrase | variant | variant ...   equivalents: every variant is rewritten to the
//                                                canonical phrase, in documents and queries alike
//   ~ phrase | phrase ...                        related: a query holding one also searches the
//                                                others, at a lower weight
//   stop: word word ...                          function words (folded), weighed down in queries
// Variants are matched on folded tokens, so "bhxh", "BHXH" and "bảo hiểm xh" need one line each at
// most. Rewritten tokens lose their accent flag: an abbreviation carries no accents to prefer.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text/tokenize.h"

namespace caunoi::text {

class Lexicon {
 public:
  // Throws std::runtime_error naming the line of a malformed rule.
  static Lexicon parse(std::string_view text);
  static Lexicon load(const std::filesystem::path& file);

  // Equivalents rewritten to canonical form, longest variant first.
  std::vector<Token> rewrite(const std::vector<Token>& tokens) const;
  // Token sequences related to phrases found in `tokens` (already rewritten).
  std::vector<std::vector<Token>> related(const std::vector<Token>& tokens) const;
  bool is_stop(std::string_view folded) const { return stop_.count(std::string(folded)) != 0; }
  // Every folded word the rules mention, so that a speller does not "correct" them.
  std::vector<std::string> words() const;
  std::size_t rules() const { return equiv_count_ + related_count_; }

 private:
  struct Rule {
    std::vector<std::string> from;  // folded tokens
    std::vector<Token> to;
  };
  // The rules starting with `first`, or null.
  static const std::vector<Rule>* candidates(
      const std::unordered_map<std::string, std::vector<Rule>>& m, const std::string& first);
  std::unordered_map<std::string, std::vector<Rule>> equiv_;    // by first folded token
  std::unordered_map<std::string, std::vector<Rule>> related_;  // by first folded token
  std::unordered_set<std::string> stop_;
  std::size_t equiv_count_ = 0, related_count_ = 0;
};

}  // namespace caunoi::text
