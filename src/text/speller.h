// text/speller.h — corrects a mistyped folded syllable against a known vocabulary.
//
// Symmetric-delete lookup (the SymSpell idea): every vocabulary word is stored under each string
// obtained by deleting one character, so a query word within one edit (insertion, deletion,
// substitution or swap of neighbours) is found with a handful of hash lookups instead of a scan.
// The Q&A index builds one from its own folded vocabulary; queries are corrected only where a
// token is unknown.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace caunoi::text {

class Speller {
 public:
  // Adds a word (folded, ASCII for Vietnamese) with a weight such as its document frequency.
  void add(std::string_view word, uint32_t weight);
  bool contains(std::string_view word) const { return words_.count(std::string(word)) != 0; }
  // The known word closest to `word` (edit distance 1, swaps included; ties go to the heavier
  // word), or nullopt if `word` is known, shorter than 3 bytes, or has no neighbour.
  std::optional<std::string> correct(std::string_view word) const;
  std::size_t size() const { return words_.size(); }

 private:
  std::unordered_map<std::string, uint32_t> words_;
  std::unordered_map<std::string, std::vector<std::string>> deletes_;
};

// Damerau-Levenshtein (optimal string alignment) distance on bytes, stopping early above `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit);

}  // namespace caunoi::text
