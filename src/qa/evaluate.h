// qa/evaluate.h — measuring the engine on a labelled question set (data/qa/testset.jsonl).
//
// Each line of the set is {"q": question, "expected": entry id or null, "style": accented |
// unaccented | abbrev | typo | long | short | oos}. Every fourth line (line numbers 4, 8, 12, …) is
// held out: it is never used to tune weights or fit the confidence model, and results are
// reported on it separately. Used by `caunoi qa-eval`, the evaluation test and bench/qa_bench.
#pragma once

#include <array>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "qa/engine.h"

namespace caunoi::qa {

struct EvalItem {
  std::string q;
  std::optional<std::string> expected;  // nullopt: out of scope
  std::string style;
  long line = 0;
  bool held_out() const { return line % 4 == 0; }
  bool unaccented() const;  // no diacritic anywhere in the question
};

// Throws invalid_input "invalid_testset" listing bad lines.
std::vector<EvalItem> load_eval_set(const std::filesystem::path& file);

enum class Split { all, tune, held_out };
std::vector<EvalItem> select(const std::vector<EvalItem>& items, Split s);

// What a system said for one question: the id it answers with (nullopt = no answer) and the id
// it ranked first regardless of the threshold.
struct Prediction {
  std::optional<std::string> answered;
  std::optional<std::string> ranked_first;
  double confidence = 0;
  double micros = 0;
};

struct EvalSummary {
  int in_scope = 0, correct = 0, ranked_correct = 0;
  int unaccented = 0, unaccented_correct = 0;
  int oos = 0, oos_rejected = 0;
  double mean_micros = 0, p50_micros = 0, p95_micros = 0;
  std::vector<std::pair<std::string, std::array<int, 2>>> by_style;  // style → {correct, total}
  double top1() const { return in_scope ? double(correct) / in_scope : 0; }
  double ranked_top1() const { return in_scope ? double(ranked_correct) / in_scope : 0; }
  double unaccented_top1() const {
    return unaccented ? double(unaccented_correct) / unaccented : 0;
  }
  double rejection() const { return oos ? double(oos_rejected) / oos : 0; }
};

using System = std::function<Prediction(const std::string& question)>;
// Runs `system` on each item (timing each call) and summarises. `on_item` sees each result.
EvalSummary evaluate(const std::vector<EvalItem>& items, const System& system,
                     const std::function<void(const EvalItem&, const Prediction&)>& on_item = {});
// The engine as a System.
System engine_system(const Engine& e);

// Logistic regression of "best candidate is right" on the engine's features over `items`.
std::array<double, 5> fit_calibration(const Engine& e, const std::vector<EvalItem>& items);

}  // namespace caunoi::qa
