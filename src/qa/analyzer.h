// qa/analyzer.h — turns bank text and citizens' questions into index terms.
//
// Both sides go through text::tokenize and the lexicon's rewriting, so "BHXH", "bhxh" and "bảo
// hiểm xã hội" become the same terms. Term keys live in one space:
//   "bao"         folded syllable (every token)
//   "\x01bảo"     accented syllable, only for tokens typed with diacritics: an accented query
//                 earns a bonus on entries spelled the same way, an unaccented one loses nothing
//   "bao hiem"    neighbouring folded syllables (TermMode::bigram)
//   "bao_hiem"    dictionary word of data/words/vi_words.txt (TermMode::dict)
// Queries also get repairs the documents do not need: Telex leftovers and one-edit typos are
// mapped onto the index's vocabulary, function words are weighed down, related phrases added.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/lexicon.h"
#include "text/segment.h"
#include "text/speller.h"
#include "text/tokenize.h"

namespace caunoi::qa {

enum class TermMode { unigram, bigram, dict, both };
const char* term_mode_name(TermMode m);

struct AnalyzerOptions {
  TermMode mode = TermMode::bigram;
  bool repair = true;            // Telex and typo repair of unknown query tokens
  float accent_weight = 0.35f;   // weight of the accented twin of a marked query token
  float phrase_weight = 0.6f;    // weight of a bigram / dictionary word
  float stop_weight = 0.25f;     // weight of a function word
  float related_weight = 0.4f;   // weight of a related phrase's syllables
  std::size_t max_tokens = 600;  // a 100 KB message is cut here; a letter is ~400
  float max_weight = 2.0f;       // a word repeated in a message counts at most this much
};

struct QueryTerm {
  std::string key;
  float weight = 1;
  bool content = false;  // a folded syllable that is not a function word: counts for coverage
};

class Analyzer {
 public:
  Analyzer(std::shared_ptr<const text::Lexicon> lexicon,
           std::shared_ptr<const text::Segmenter> words, AnalyzerOptions opt);

  // Keys of a document field, repeated as often as they occur; also returns its token count.
  std::size_t document_terms(std::string_view text, std::vector<std::string>& out) const;
  // Folded syllables of a text that are not function words (after the lexicon's rewriting).
  std::vector<std::string> content_words(std::string_view text) const;
  // Weighted, de-duplicated keys of a question. `vocab` (may be null) drives the repairs.
  std::vector<QueryTerm> query_terms(std::string_view question, const text::Speller* vocab) const;
  // Features of a text for the learned classifier (classifier.h): folded syllables and their
  // pairs after the same repairs and rewriting as a query, "#code" for a run of 8 or more digits
  // (a personal code), "#num" for a shorter number. Phrasings and questions alike go through it.
  std::vector<std::string> classifier_features(std::string_view text,
                                               const text::Speller* vocab) const;
  // A question's tokens with Telex and typo repairs against `vocab`, then rewritten: what the
  // terms and the features above are made of.
  std::vector<text::Token> repaired(std::string_view question, const text::Speller* vocab) const;
  const AnalyzerOptions& options() const { return opt_; }
  const text::Lexicon& lexicon() const { return *lexicon_; }

 private:
  std::vector<text::Token> prepare(std::string_view text) const;
  void phrases(const std::vector<text::Token>& t,
               const std::function<void(std::string)>& emit) const;

  std::shared_ptr<const text::Lexicon> lexicon_;
  std::shared_ptr<const text::Segmenter> words_;
  AnalyzerOptions opt_;
};

}  // namespace caunoi::qa
