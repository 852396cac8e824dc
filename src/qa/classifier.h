// qa/classifier.h — the learned half of the Q&A ranking: a sparse linear classifier over text
// features, trained on the bank's training phrasings.
//
// Multi-class passive-aggressive learning (Crammer et al. 2006, PA-I), averaged over all steps.
// Why not a softmax like fastText: a softmax update touches every class for every feature, so
// its cost grows with features × classes; PA touches only the true class and the best wrong one,
// which keeps the weights sparse and training linear in the phrasings. Training is deterministic
// (fixed shuffle), so two servers publishing the same bank score alike. Scores are margins, not
// probabilities; the engine turns them into one with a softmax whose temperature it fits.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace caunoi::qa {

struct ClassifierOptions {
  // Passes over the examples: `epochs`, fewer on a large bank, so that about `example_budget`
  // example steps are taken in all (never fewer than 3 passes).
  int epochs = 12;
  std::size_t example_budget = 80000;
  // On a large bank, a feature found in the examples of more than this share of the classes (and
  // of more than `min_classes`) is dropped: "bảo hiểm" or "cho em hỏi" tell few entries apart, and
  // their weight lists, a cell per class, are what makes training slow at 3,000 entries. Below
  // that it is kept: on the starter bank dropping them cost 3 points of right decisions.
  float max_class_share = 0.1f;
  std::size_t min_classes = 200;
  float aggressiveness = 0.5f;  // PA-I's C: the largest step one example may take
  uint64_t seed = 0x9e3779b97f4a7c15ULL;
};

struct Example {
  std::vector<std::string> features;  // repeated features count once
  uint32_t label = 0;
};

class Classifier {
 public:
  Classifier() = default;
  Classifier(const std::vector<Example>& examples, uint32_t classes, ClassifierOptions opt = {});

  // One score per class (classes() of them); features never seen in training are ignored.
  std::vector<float> scores(const std::vector<std::string>& features) const;
  uint32_t classes() const { return classes_; }
  std::size_t features() const { return rows_.size(); }
  std::size_t weights() const { return cells_.size(); }

 private:
  struct Cell {
    uint32_t cls;
    float w;
  };
  // Feature → its non-zero class weights, stored as a slice [begin, end) of cells_.
  struct Row {
    uint32_t begin = 0, end = 0;
  };
  std::unordered_map<std::string, Row> rows_;
  std::unordered_set<std::string> ignored_;  // the common features dropped in training
  std::vector<Cell> cells_;
  uint32_t classes_ = 0;
};

}  // namespace caunoi::qa
