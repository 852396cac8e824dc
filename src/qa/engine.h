// qa/engine.h — answers one question from a fixed snapshot of the bank.
//
// The engine indexes the entries answerable on a given day (published, within their validity
// dates) and ranks them for a question twice: with BM25F over their wording (index.h), and with a
// classifier trained on their training phrasings (classifier.h), which also knows two classes
// that are not entries: own-case requests and out-of-scope messages (data/qa/handoff.jsonl). The
// two rankings are blended, and a logistic model over features of both turns the result into a
// calibrated confidence, fitted on the tuning sets (`caunoi qa-eval --fit`, see
// docs/qa-evaluation.md). At or above the threshold it answers; below, it hands off.
//
// reply() reads a whole message: an own-case request (the asker's own file or money) goes to a
// person whatever its topic; otherwise each ask of a letter (letter.h) is ranked in order. An
// Engine is immutable and thread-safe; qa::Service builds a new one when the bank changes.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/date.h"
#include "qa/analyzer.h"
#include "qa/classifier.h"
#include "qa/entry.h"
#include "qa/index.h"

namespace caunoi::qa {

// Data files the engine reads: data/qa/lexicon.txt, data/qa/handoff.jsonl and
// data/words/vi_words.txt.
struct Resources {
  std::shared_ptr<const text::Lexicon> lexicon;
  std::shared_ptr<const text::Segmenter> words;  // null unless a dictionary term mode needs it
  std::vector<HandoffExample> handoff;           // empty when the file is absent; the server
                                                 // adds those staff made from the queue
  // Throws caunoi::Error "qa_data_missing" when a file cannot be read.
  static std::shared_ptr<const Resources> load(const std::filesystem::path& data_dir,
                                               bool with_words = false);
};

constexpr std::size_t kFeatures = 9;
using Weights = std::array<double, kFeatures>;

struct Features {
  double coverage = 0;      // idf share of the question's content syllables found in the best entry
  double normalized = 0;    // best BM25F score / the most the question's terms could score
  double margin = 0;        // (best - second) / best, of the blended score
  double length = 0;        // log(1 + content syllables)
  double learned = 0;       // the classifier's probability of the best entry, given not own-case
  double own_case = 0;      // … of an own-case request
  double out_of_scope = 0;  // … of a message no entry answers
  double agree = 0;         // 1 when BM25F alone ranks the same entry first
  Weights vector() const {
    return {1.0, coverage, normalized, margin, length, learned, own_case, out_of_scope, agree};
  }
};

struct EngineOptions {
  AnalyzerOptions analyzer;
  IndexOptions index;
  // Logistic weights over Features::vector(); fitted, see engine.cpp.
  Weights calibration;
  ClassifierOptions classifier;
  // Chosen on the dev sets (docs/qa-evaluation.md): a grid over share {0.2…0.7}, temperature
  // {0.1, 0.2}, own-case threshold {0.3…0.95} and answer threshold {0.25…0.5}.
  double temperature = 0.2;    // softmax temperature over the classifier's margins
  double learned_share = 0.3;  // blend: (1 − share) × BM25F / best BM25F + share × p / best p
  double own_case_threshold = 0.4;  // reply() hands a message off as own-case at this probability
  // … when, in a letter, its asking sentences alone also lean own-case at least this much: "tôi
  // đã nộp hồ sơ …, vậy tôi có được hưởng không?" tells a story about the asker's own file but
  // asks a general question. A message without a separate ask is judged whole.
  double own_case_ask_threshold = 0.3;
  double threshold = 0.5;      // answer when confidence ≥ threshold
  double related_ratio = 0.3;  // related entries score at least this share of the best
  // Re-ranking of the first `rerank_depth` hits: score × (1 + rerank_weight × share of the
  // entry's own question wording (idf-weighted, best phrasing) that the question contains).
  // It favours "Điều kiện hưởng trợ cấp thất nghiệp?" over a longer entry that merely holds it.
  double rerank_weight = 1.0;
  std::size_t rerank_depth = 10;
  // The training phrasings count in that share too (8 Dec 2026: "nhung ai duoc bhyt chi tra
  // 100%" is worded like a phrasing of the entry on 100 % cover, not like its question), at this
  // weight: there are 35 of them per entry against one to three curated wordings, so one of them
  // covers a question by chance more easily. Chosen on real_dev among {0, 0.5, 0.75, 1}.
  double training_rerank = 0.75;
  EngineOptions();
};

struct Ranking {
  std::string text;  // what was ranked: the message or one of its asks
  bool answered = false;
  int best = -1;  // entry index of the best candidate, -1 if nothing matched at all
  double confidence = 0;
  std::vector<uint32_t> related;  // up to 3; when not answered they include the best candidate
  std::vector<Hit> hits;          // top candidates, best first
  Features features;
};

// What the engine says to a whole message.
struct Reply {
  bool own_case = false;      // a person must look up the asker's own file: no bank answer
  double own_case_p = 0;      // the classifier's probability of that, on the whole message
  std::vector<Ranking> asks;  // one per distinct ask, in order; empty when own_case
  bool answered() const;      // some ask was answered from the bank
};

class Engine {
 public:
  Engine(std::vector<Entry> entries, std::shared_ptr<const Resources> res, EngineOptions opt = {},
         Date today = Date::today());

  // Ranks one question as a whole (no own-case check, no splitting).
  Ranking ask(std::string_view question) const;
  // Reads a message: own-case check, then its asks.
  Reply reply(std::string_view message) const;
  // Trains the classifier now rather than on the first question (it is trained once, lazily, so
  // that a process that never asks — most tests, the CLI's other commands — never pays for it).
  void warm() const { classifier(); }
  // Same ranking, confidence from explicit features (for fitting and the benches).
  double confidence(const Features& f) const;

  const Entry& entry(uint32_t i) const { return entries_[i]; }
  const std::vector<Entry>& entries() const { return entries_; }  // answerable ones
  const Date& day() const { return today_; }
  const EngineOptions& options() const { return opt_; }
  const Index& index() const { return index_; }

 private:
  std::vector<Entry> entries_;
  std::shared_ptr<const Resources> res_;
  EngineOptions opt_;
  Date today_;
  Analyzer analyzer_;
  Index index_;
  // Classes: entries, then own-case, then out-of-scope. Trained by the first caller.
  mutable std::once_flag trained_;
  mutable Classifier classifier_;
  const Classifier& classifier() const;
  // A question typed exactly as one of an entry's wordings (folded, any spacing or punctuation):
  // that entry, whatever the models say — staff who answer a queued question expect it answered.
  // Likewise a hand-off example: own-case or out of scope (a class past the entries).
  std::unordered_map<std::string, uint32_t> exact_;
  std::string exact_key(std::string_view text) const;
  std::optional<uint32_t> exact_class(std::string_view text) const;
  // Per entry, per wording (question, alternatives, then training phrasings): term ids of its
  // content syllables that the index knows. Back to back in one array, as the re-ranking reads
  // some 37 wordings of each of ten entries per question.
  struct Wording {
    uint32_t begin = 0, end = 0;  // its ids: wording_ids_[begin, end)
    double idf = 0;               // the sum of their idf
    bool training = false;        // a training phrasing
  };
  std::vector<uint32_t> wording_ids_;
  std::vector<float> wording_idf_;  // the idf of each id of wording_ids_, beside it
  std::vector<Wording> wordings_;
  std::vector<uint32_t> first_wording_;  // entry d's wordings: [first_wording_[d], [d + 1])
  // `in_query[id]` is non-zero for the question's content terms.
  double wording_share(uint32_t doc, const std::vector<char>& in_query) const;
  // ask() with the classifier's probabilities of `question` already computed (reply() has them).
  Ranking rank(std::string_view question, std::vector<double> p) const;
  // Whether a letter's asking sentences (ask_sentences of `text`) lean own-case too.
  bool own_case_asks(const std::vector<std::string>& asks, std::string_view text) const;
  // Softmax of the classifier's margins over all classes; empty when no feature is known.
  std::vector<double> probabilities(const std::vector<std::string>& features) const;

  uint32_t own_case_class() const { return static_cast<uint32_t>(entries_.size()); }
  uint32_t out_of_scope_class() const { return own_case_class() + 1; }
};

// An engine over a JSONL bank file (`caunoi ask --kb`, qa-eval, benches).
std::unique_ptr<Engine> load_engine(const std::filesystem::path& kb_jsonl,
                                    const std::filesystem::path& data_dir, EngineOptions opt = {});

// The Vietnamese hand-off message shown when the engine does not answer.
const char* handoff_message();
// The message shown for an own-case request: a staff member will look the file up.
const char* own_case_message();

}  // namespace caunoi::qa
