// text/speller.cpp — see speller.h.
#include "text/speller.h"

#include <algorithm>
#include <cstdlib>

namespace caunoi::text {

int edit_distance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit) return limit + 1;
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

void Speller::add(std::string_view word, uint32_t weight) {
  auto [it, fresh] = words_.try_emplace(std::string(word), 0);
  it->second += weight;
  if (!fresh || word.size() < 3) return;
  for (std::size_t i = 0; i < word.size(); ++i) {
    std::string d(word);
    d.erase(i, 1);
    auto& v = deletes_[d];
    if (std::find(v.begin(), v.end(), it->first) == v.end()) v.push_back(it->first);
  }
}

std::optional<std::string> Speller::correct(std::string_view word) const {
  if (word.size() < 3 || contains(word)) return std::nullopt;
  const std::string* best = nullptr;
  uint32_t best_weight = 0;
  auto consider = [&](const std::string& cand) {
    if (edit_distance(word, cand, 1) > 1) return;
    const uint32_t w = words_.at(cand);
    if (!best || w > best_weight || (w == best_weight && cand < *best)) {
      best = &cand;
      best_weight = w;
    }
  };
  auto probe = [&](const std::string& key) {
    if (auto it = deletes_.find(key); it != deletes_.end())
      for (const auto& c : it->second) consider(c);
    if (auto it = words_.find(key); it != words_.end()) consider(it->first);
  };
  probe(std::string(word));
  for (std::size_t i = 0; i < word.size(); ++i) {
    std::string d(word);
    d.erase(i, 1);
    probe(d);
  }
  if (!best) return std::nullopt;
  return *best;
}

}  // namespace caunoi::text
