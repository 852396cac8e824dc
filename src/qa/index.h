// qa/index.h — BM25F inverted index over the fields of the bank's entries.
//
// Each entry has four fields: question, alternative phrasings, answer, and topic + tags. A term's
// pseudo-frequency in an entry is the field-weighted sum of its length-normalised frequencies
// (BM25F); the posting stores the final per-term score idf·tf~·(k1+1)/(k1+tf~), so a query only
// adds numbers. The index is immutable once built and safe to search from many threads.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "qa/analyzer.h"
#include "text/speller.h"

namespace caunoi::qa {

enum Field { kQuestion = 0, kAlternatives = 1, kAnswer = 2, kMeta = 3, kFields = 4 };
using DocFields = std::array<std::string, kFields>;

struct IndexOptions {
  float k1 = 1.2f;
  std::array<float, kFields> weight = {3.0f, 2.0f, 0.6f, 1.0f};
  std::array<float, kFields> b = {0.6f, 0.6f, 0.75f, 0.5f};
  // Terms found in more than this share of the entries are not accumulated when searching: they
  // score little and their long posting lists dominate latency on a large bank.
  float max_df_share = 1.0f;
};

struct Hit {
  uint32_t doc;
  float score;
};

class Index {
 public:
  Index(const std::vector<DocFields>& docs, const Analyzer& analyzer, IndexOptions opt = {});

  // The best `k` documents, best first. Terms unknown to the index are skipped.
  std::vector<Hit> search(const std::vector<QueryTerm>& q, std::size_t k) const;
  // The score term `key` gives document `doc` (0 if it does not occur there).
  float weight(const std::string& key, uint32_t doc) const;
  // The highest score `key` gives any document (0 if unknown).
  float max_weight(const std::string& key) const;
  float idf(const std::string& key) const;  // idf of an unknown term: that of a term seen once
  bool contains(const std::string& key) const { return terms_.count(key) != 0; }
  // Dense id of a term (for compact per-entry term lists), or -1 if unknown.
  int64_t id(const std::string& key) const {
    auto it = terms_.find(key);
    // Both arms int64_t: with a bare -1 the ternary's type would be uint32_t, and an unknown
    // term would get id 4294967295 instead of -1.
    return it == terms_.end() ? int64_t{-1} : int64_t{it->second};
  }
  float idf_by_id(uint32_t id) const { return postings_[id].idf; }
  // Folded syllables of the bank (and the lexicon), weighted by document frequency.
  const text::Speller& vocabulary() const { return vocab_; }
  std::size_t size() const { return n_; }
  std::size_t terms() const { return postings_.size(); }

 private:
  struct Posting {
    uint32_t doc;
    float w;
  };
  struct Term {
    std::vector<Posting> postings;  // by doc
    float idf = 0;
    float max_w = 0;
  };
  const Term* find(const std::string& key) const;

  std::size_t n_ = 0;
  std::size_t max_df_ = 0;
  std::unordered_map<std::string, uint32_t> terms_;
  std::vector<Term> postings_;
  text::Speller vocab_;
};

}  // namespace caunoi::qa
