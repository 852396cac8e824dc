// qa/evaluate.h — measuring the engine on a labelled question set (data/qa/testset.jsonl).
//
// Each line of a set is {"q": question, "expected": entry id or null, "style": …}, optionally
// "asks": [ids] for a letter with several asks (expected is then the first). null means no bank
// answer is right: a person must answer (an own-case request, style anything but "oos") or the
// bank does not cover it (style "oos"). Sets: data/qa/testset.jsonl (written with the first
// tuning), ../shared/data/qa/real_dev.jsonl (real portal questions, tuned on), and
// data/qa/blind_test.jsonl (written before the learned model, never tuned on). In testset.jsonl
// every fourth line is held out. Used by `caunoi qa-eval`, the evaluation test and bench/qa_bench.
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
  std::optional<std::string> expected;  // nullopt: no bank answer is right
  std::vector<std::string> asks;        // a letter's asks in order, when it has several
  std::string style;
  long line = 0;
  bool held_out() const { return line % 4 == 0; }
  bool unaccented() const;  // no diacritic anywhere in the question
  bool own_case() const { return !expected && style != "oos"; }  // a person must answer
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
  bool own_case = false;                         // handed off as an own-case request
  std::vector<std::optional<std::string>> asks;  // per ask, when the system splits letters
};

struct EvalSummary {
  int total = 0, right = 0;  // right decisions: the expected entry, or no answer where null
  int handed_off = 0;        // questions given no bank answer
  int own_cases = 0, own_cases_answered = 0, own_cases_flagged = 0;
  int letters = 0, letters_right = 0;  // items with several asks: every ask right, in order
  int in_scope = 0, correct = 0, ranked_correct = 0;
  int unaccented = 0, unaccented_correct = 0;
  int oos = 0, oos_rejected = 0;
  double mean_micros = 0, p50_micros = 0, p95_micros = 0;
  std::vector<std::pair<std::string, std::array<int, 2>>> by_style;  // style → {correct, total}
  double decisions() const { return total ? double(right) / total : 0; }
  double own_case_answered() const {
    return own_cases ? double(own_cases_answered) / own_cases : 0;
  }
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
// The engine as a System: Engine::reply, its first ask as the answer.
System engine_system(const Engine& e);

// Logistic regression of "best candidate is right" on the engine's features over `items` (the
// first ask of each message the engine does not take for an own-case request).
Weights fit_calibration(const Engine& e, const std::vector<EvalItem>& items);

}  // namespace caunoi::qa
