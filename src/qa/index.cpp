// qa/index.cpp — see index.h. Building counts per field, then turns counts into final scores;
// searching accumulates into a per-thread dense array touched sparsely.
#include "qa/index.h"

#include <algorithm>
#include <cmath>

namespace caunoi::qa {
namespace {

float idf_of(std::size_t n, std::size_t df) {
  return std::log(1.0f + (static_cast<float>(n) - df + 0.5f) / (df + 0.5f));
}

}  // namespace

Index::Index(const std::vector<DocFields>& docs, const Analyzer& analyzer, IndexOptions opt)
    : n_(docs.size()), max_df_(static_cast<std::size_t>(opt.max_df_share * docs.size())) {
  // Pass 1: per document and field, the term counts; field lengths for normalisation.
  struct Counts {
    std::unordered_map<uint32_t, std::array<uint16_t, kFields>> tf;
    std::array<float, kFields> len{};
  };
  std::vector<Counts> counts(docs.size());
  std::array<double, kFields> total{};
  std::vector<std::string> keys;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (int f = 0; f < kFields; ++f) {
      keys.clear();
      const std::size_t len = analyzer.document_terms(docs[d][f], keys);
      counts[d].len[f] = static_cast<float>(len);
      total[f] += len;
      for (auto& k : keys) {
        auto [it, fresh] =
            terms_.try_emplace(std::move(k), static_cast<uint32_t>(postings_.size()));
        if (fresh) postings_.emplace_back();
        auto& c = counts[d].tf[it->second][f];
        if (c < 0xFFFF) ++c;
      }
    }
  }
  std::array<float, kFields> avg{};
  for (int f = 0; f < kFields; ++f)
    avg[f] = n_ ? std::max(1.0f, static_cast<float>(total[f] / n_)) : 1.0f;

  // Pass 2: document frequencies, then the scores.
  for (const auto& c : counts)
    for (const auto& [t, tf] : c.tf) postings_[t].postings.push_back({0, 0});
  for (auto& t : postings_) {
    t.idf = idf_of(n_, t.postings.size());
    t.postings.clear();
  }
  for (std::size_t d = 0; d < counts.size(); ++d)
    for (const auto& [t, tf] : counts[d].tf) {
      float pseudo = 0;
      for (int f = 0; f < kFields; ++f)
        if (tf[f])
          pseudo += opt.weight[f] * tf[f] / (1 - opt.b[f] + opt.b[f] * counts[d].len[f] / avg[f]);
      Term& term = postings_[t];
      const float w = term.idf * pseudo * (opt.k1 + 1) / (opt.k1 + pseudo);
      term.postings.push_back({static_cast<uint32_t>(d), w});
      term.max_w = std::max(term.max_w, w);
    }

  for (const auto& [key, id] : terms_)
    if (!key.empty() && key[0] != '\x01' && key.find_first_of(" _") == std::string::npos)
      vocab_.add(key, static_cast<uint32_t>(postings_[id].postings.size()));
  if (analyzer.options().repair)
    for (const auto& w : analyzer.lexicon().words()) vocab_.add(w, 1);
}

const Index::Term* Index::find(const std::string& key) const {
  auto it = terms_.find(key);
  return it == terms_.end() ? nullptr : &postings_[it->second];
}

std::vector<Hit> Index::search(const std::vector<QueryTerm>& q, std::size_t k) const {
  thread_local std::vector<float> acc;
  thread_local std::vector<uint32_t> touched;
  if (acc.size() < n_) acc.resize(n_, 0.0f);
  touched.clear();
  for (const auto& qt : q) {
    const Term* t = find(qt.key);
    if (!t || t->postings.size() > max_df_) continue;
    for (const auto& p : t->postings) {
      if (acc[p.doc] == 0.0f) touched.push_back(p.doc);
      acc[p.doc] += qt.weight * p.w;
    }
  }
  std::vector<Hit> hits;
  hits.reserve(touched.size());
  for (uint32_t d : touched) {
    if (acc[d] > 0) hits.push_back({d, acc[d]});
    acc[d] = 0;
  }
  auto better = [](const Hit& a, const Hit& b) {
    return a.score > b.score || (a.score == b.score && a.doc < b.doc);
  };
  if (hits.size() > k) {
    std::partial_sort(hits.begin(), hits.begin() + static_cast<long>(k), hits.end(), better);
    hits.resize(k);
  } else {
    std::sort(hits.begin(), hits.end(), better);
  }
  return hits;
}

float Index::weight(const std::string& key, uint32_t doc) const {
  const Term* t = find(key);
  if (!t) return 0;
  auto it = std::lower_bound(t->postings.begin(), t->postings.end(), doc,
                             [](const Posting& p, uint32_t d) { return p.doc < d; });
  return it != t->postings.end() && it->doc == doc ? it->w : 0;
}

float Index::max_weight(const std::string& key) const {
  const Term* t = find(key);
  return t ? t->max_w : 0;
}

float Index::idf(const std::string& key) const {
  const Term* t = find(key);
  return t ? t->idf : idf_of(n_, 1);
}

}  // namespace caunoi::qa
