// text/lexicon.cpp — see lexicon.h.
#include "text/lexicon.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace caunoi::text {
namespace {

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t p = s.find(sep, start);
    out.emplace_back(
        s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

std::vector<std::string> folded(const std::vector<Token>& t) {
  std::vector<std::string> out;
  for (const auto& x : t) out.push_back(x.folded);
  return out;
}

std::vector<Token> neutral(std::vector<Token> t) {
  for (auto& x : t) {
    x.text = x.folded;
    x.marked = false;
  }
  return t;
}

// Length of the match of `from` at position i of `tokens`, or 0.
std::size_t match_at(const std::vector<Token>& tokens, std::size_t i,
                     const std::vector<std::string>& from) {
  if (i + from.size() > tokens.size()) return 0;
  for (std::size_t k = 0; k < from.size(); ++k)
    if (tokens[i + k].folded != from[k]) return 0;
  return from.size();
}

}  // namespace

Lexicon Lexicon::parse(std::string_view text) {
  Lexicon lx;
  std::istringstream in{std::string(text)};
  std::string line;
  int no = 0;
  while (std::getline(in, line)) {
    ++no;
    if (auto h = line.find('#'); h != std::string::npos) line.erase(h);
    const auto first = line.find_first_not_of(" \t\r");
    if (first == std::string::npos) continue;
    std::string_view body = std::string_view(line).substr(first);
    if (body.starts_with("stop:")) {
      for (const auto& t : tokenize(body.substr(5))) lx.stop_.insert(t.folded);
      continue;
    }
    const char kind = body[0];
    if (kind != '=' && kind != '~')
      throw std::runtime_error("lexicon line " + std::to_string(no) +
                               ": expected '=', '~' or 'stop:'");
    std::vector<std::vector<Token>> phrases;
    for (const auto& p : split(body.substr(1), '|')) {
      auto toks = tokenize(p);
      if (!toks.empty()) phrases.push_back(std::move(toks));
    }
    if (phrases.size() < 2)
      throw std::runtime_error("lexicon line " + std::to_string(no) +
                               ": needs two phrases or more");
    if (kind == '=') {
      // The canonical phrase is a variant of itself, so that the longest match never rewrites
      // the start of a canonical phrase that extends one of its variants.
      auto to = neutral(phrases[0]);
      for (std::size_t k = 0; k < phrases.size(); ++k) {
        Rule r{folded(phrases[k]), to};
        lx.equiv_[r.from[0]].push_back(std::move(r));
      }
      ++lx.equiv_count_;
    } else {
      for (std::size_t a = 0; a < phrases.size(); ++a)
        for (std::size_t b = 0; b < phrases.size(); ++b) {
          if (a == b) continue;
          Rule r{folded(phrases[a]), neutral(phrases[b])};
          lx.related_[r.from[0]].push_back(std::move(r));
        }
      ++lx.related_count_;
    }
  }
  return lx;
}

Lexicon Lexicon::load(const std::filesystem::path& file) {
  std::ifstream f(file, std::ios::binary);
  if (!f) throw std::runtime_error("cannot read " + file.string());
  std::stringstream ss;
  ss << f.rdbuf();
  return parse(ss.str());
}

const std::vector<Lexicon::Rule>* Lexicon::candidates(
    const std::unordered_map<std::string, std::vector<Rule>>& m, const std::string& first) {
  auto it = m.find(first);
  return it == m.end() ? nullptr : &it->second;
}

std::vector<Token> Lexicon::rewrite(const std::vector<Token>& tokens) const {
  std::vector<Token> out;
  out.reserve(tokens.size());
  for (std::size_t i = 0; i < tokens.size();) {
    const Rule* best = nullptr;
    std::size_t best_len = 0;
    if (const auto* rules = candidates(equiv_, tokens[i].folded))
      for (const Rule& r : *rules) {
        const std::size_t len = match_at(tokens, i, r.from);
        if (len > best_len) {
          best = &r;
          best_len = len;
        }
      }
    if (!best) {
      out.push_back(tokens[i++]);
      continue;
    }
    out.insert(out.end(), best->to.begin(), best->to.end());
    i += best_len;
  }
  return out;
}

std::vector<std::vector<Token>> Lexicon::related(const std::vector<Token>& tokens) const {
  std::vector<std::vector<Token>> out;
  for (std::size_t i = 0; i < tokens.size(); ++i)
    if (const auto* rules = candidates(related_, tokens[i].folded))
      for (const Rule& r : *rules)
        if (match_at(tokens, i, r.from)) out.push_back(r.to);
  return out;
}

std::vector<std::string> Lexicon::words() const {
  std::vector<std::string> out;
  auto add = [&](const auto& m) {
    for (const auto& [first, rules] : m)
      for (const auto& r : rules) {
        out.insert(out.end(), r.from.begin(), r.from.end());
        for (const auto& t : r.to) out.push_back(t.folded);
      }
  };
  add(equiv_);
  add(related_);
  out.insert(out.end(), stop_.begin(), stop_.end());
  return out;
}

}  // namespace caunoi::text
