// text/segment.cpp — see segment.h.
#include "text/segment.h"

#include <fstream>
#include <stdexcept>

namespace caunoi::text {

void Segmenter::add(const std::string& word_utf8) {
  auto toks = tokenize(word_utf8);
  if (toks.size() < 2 || toks.size() > 4) return;
  std::string key;
  for (const auto& t : toks) {
    if (!key.empty()) key.push_back(' ');
    key += t.folded;
  }
  words_.insert(std::move(key));
  longest_ = std::max(longest_, toks.size());
}

Segmenter Segmenter::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  Segmenter s;
  std::string line;
  while (std::getline(in, line)) s.add(line);
  return s;
}

std::vector<std::pair<std::size_t, std::size_t>> Segmenter::words(
    const std::vector<Token>& tokens) const {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t found = 0;
    std::string key = tokens[i].folded;
    for (std::size_t len = 2; len <= longest_ && i + len <= tokens.size(); ++len) {
      key.push_back(' ');
      key += tokens[i + len - 1].folded;
      if (words_.count(key)) found = len;
    }
    if (found) {
      out.emplace_back(i, found);
      i += found;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace caunoi::text
