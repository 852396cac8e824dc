// qa/classifier.cpp — training and scoring; see classifier.h.
#include "qa/classifier.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace caunoi::qa {
namespace {

struct TrainCell {
  uint32_t cls;
  float w;       // current weight
  double total;  // Σ step × change: the averaged weight is w − total / steps
};

uint64_t next(uint64_t& s) {  // xorshift64*: a fixed, portable shuffle
  s ^= s >> 12;
  s ^= s << 25;
  s ^= s >> 27;
  return s * 0x2545F4914F6CDD1DULL;
}

}  // namespace

Classifier::Classifier(const std::vector<Example>& examples, uint32_t classes,
                       ClassifierOptions opt)
    : classes_(classes) {
  if (classes_ < 2) return;
  // Dense feature ids, and each example as its distinct ids.
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::string> names;
  std::vector<std::vector<uint32_t>> xs;
  std::vector<uint32_t> ys;
  std::vector<std::vector<uint32_t>> classes_of;  // per feature: the classes it occurs in
  for (const auto& ex : examples) {
    if (ex.label >= classes_) continue;
    std::vector<uint32_t> x;
    for (const auto& f : ex.features) {
      auto [it, fresh] = ids.try_emplace(f, static_cast<uint32_t>(names.size()));
      if (fresh) {
        names.push_back(f);
        classes_of.emplace_back();
      }
      x.push_back(it->second);
      auto& cs = classes_of[it->second];
      if (cs.empty() || cs.back() != ex.label) cs.push_back(ex.label);
    }
    std::sort(x.begin(), x.end());
    x.erase(std::unique(x.begin(), x.end()), x.end());
    xs.push_back(std::move(x));
    ys.push_back(ex.label);
  }
  const std::size_t max_classes =
      std::max(opt.min_classes, static_cast<std::size_t>(opt.max_class_share * classes_));
  std::vector<char> common(names.size(), 0);
  for (std::size_t f = 0; f < names.size(); ++f) {
    auto& cs = classes_of[f];
    std::sort(cs.begin(), cs.end());
    common[f] = std::unique(cs.begin(), cs.end()) - cs.begin() > static_cast<long>(max_classes);
  }
  for (auto& x : xs) std::erase_if(x, [&](uint32_t f) { return common[f] != 0; });
  for (std::size_t i = xs.size(); i-- > 0;)
    if (xs[i].empty()) {
      xs.erase(xs.begin() + static_cast<long>(i));
      ys.erase(ys.begin() + static_cast<long>(i));
    }
  const int epochs = xs.empty() ? 0
                                : std::clamp(static_cast<int>(opt.example_budget / xs.size()),
                                             std::min(3, opt.epochs), opt.epochs);
  for (std::size_t f = 0; f < names.size(); ++f)
    if (common[f]) ignored_.insert(names[f]);

  std::vector<std::vector<TrainCell>> w(names.size());
  auto cell = [&](uint32_t f, uint32_t cls) -> TrainCell& {
    for (auto& c : w[f])
      if (c.cls == cls) return c;
    w[f].push_back({cls, 0, 0});
    return w[f].back();
  };
  std::vector<float> acc(classes_, 0);
  std::vector<char> touched(classes_, 0);
  std::vector<uint32_t> touched_list;
  std::vector<std::size_t> order(xs.size());
  std::iota(order.begin(), order.end(), 0);
  uint64_t seed = opt.seed ? opt.seed : 1;
  double step = 1;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[next(seed) % i]);
    for (std::size_t k : order) {
      const auto& x = xs[k];
      const uint32_t y = ys[k];
      const float v = 1.0f / std::sqrt(static_cast<float>(x.size()));  // |x| = 1
      for (uint32_t f : x)
        for (const auto& c : w[f]) {
          if (!touched[c.cls]) {
            touched[c.cls] = 1;
            touched_list.push_back(c.cls);
          }
          acc[c.cls] += c.w * v;
        }
      // The best wrong class; an untouched class scores 0.
      uint32_t rival = y;
      float rival_score = -INFINITY;
      for (uint32_t c : touched_list)
        if (c != y && acc[c] > rival_score) rival = c, rival_score = acc[c];
      if (touched_list.size() + (touched[y] ? 0 : 1) < classes_ && rival_score < 0) {
        for (uint32_t c = 0; c < classes_; ++c)
          if (c != y && !touched[c]) {
            rival = c, rival_score = 0;
            break;
          }
      }
      const float loss = 1.0f - (acc[y] - rival_score);
      for (uint32_t c : touched_list) acc[c] = 0, touched[c] = 0;
      touched_list.clear();
      if (loss > 0 && rival != y) {
        const float tau = std::min(opt.aggressiveness, loss / 2.0f);  // |x|² = 1, two classes
        const float d = tau * v;
        for (uint32_t f : x) {
          TrainCell& up = cell(f, y);
          up.w += d, up.total += step * d;
          TrainCell& down = cell(f, rival);
          down.w -= d, down.total -= step * d;
        }
      }
      step += 1;
    }
  }

  // Averaged weights, packed feature by feature.
  for (std::size_t f = 0; f < names.size(); ++f) {
    Row row{static_cast<uint32_t>(cells_.size()), 0};
    for (const auto& c : w[f]) {
      const float avg = static_cast<float>(c.w - c.total / step);
      if (std::fabs(avg) > 1e-6f) cells_.push_back({c.cls, avg});
    }
    row.end = static_cast<uint32_t>(cells_.size());
    if (row.end > row.begin) rows_.emplace(std::move(names[f]), row);
  }
}

std::vector<float> Classifier::scores(const std::vector<std::string>& features) const {
  std::vector<float> out(classes_, 0);
  std::vector<const Row*> hit;
  for (const auto& f : features)
    if (auto it = rows_.find(f); it != rows_.end()) hit.push_back(&it->second);
  std::sort(hit.begin(), hit.end());
  hit.erase(std::unique(hit.begin(), hit.end()), hit.end());
  if (hit.empty()) return out;
  // Same scaling as in training: the distinct features of the text, known or not, make |x| = 1.
  std::vector<std::string_view> distinct;
  for (const auto& f : features)
    if (!ignored_.count(f)) distinct.push_back(f);
  std::sort(distinct.begin(), distinct.end());
  const auto n =
      std::max<long>(1, std::unique(distinct.begin(), distinct.end()) - distinct.begin());
  const float v = 1.0f / std::sqrt(static_cast<float>(n));
  for (const Row* r : hit)
    for (uint32_t i = r->begin; i < r->end; ++i) out[cells_[i].cls] += cells_[i].w * v;
  return out;
}

}  // namespace caunoi::qa
