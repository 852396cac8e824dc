// qa/engine.h — answers one question from a fixed snapshot of the bank.
//
// The engine indexes the entries answerable on a given day (published, within their validity
// dates), ranks them for a question with BM25F (index.h), and turns the ranking into a calibrated
// confidence: a logistic model over four features of the ranking, fitted on the tuning part of
// data/qa/testset.jsonl (`caunoi qa-eval --fit`, see docs/qa-evaluation.md). At or above the
// threshold it answers; below, it hands off. An Engine is immutable and thread-safe; qa::Service
// builds a new one when the bank changes.
#pragma once

#include <array>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "qa/analyzer.h"
#include "qa/entry.h"
#include "qa/index.h"

namespace caunoi::qa {

// Data files the engine reads: data/qa/lexicon.txt and data/words/vi_words.txt.
struct Resources {
  std::shared_ptr<const text::Lexicon> lexicon;
  std::shared_ptr<const text::Segmenter> words;  // null unless a dictionary term mode needs it
  // Throws caunoi::Error "qa_data_missing" when a file cannot be read.
  static std::shared_ptr<const Resources> load(const std::filesystem::path& data_dir,
                                               bool with_words = false);
};

struct Features {
  double coverage = 0;    // idf share of the question's content syllables found in the best entry
  double normalized = 0;  // best score / the most the question's terms could score
  double margin = 0;      // (best - second) / best
  double length = 0;      // log(1 + content syllables)
  std::array<double, 5> vector() const { return {1.0, coverage, normalized, margin, length}; }
};

struct EngineOptions {
  AnalyzerOptions analyzer;
  IndexOptions index;
  // Logistic weights over Features::vector(); fitted, see engine.cpp.
  std::array<double, 5> calibration;
  double threshold = 0.5;      // answer when confidence ≥ threshold
  double related_ratio = 0.3;  // related entries score at least this share of the best
  // Re-ranking of the first `rerank_depth` hits: score × (1 + rerank_weight × share of the
  // entry's own question wording (idf-weighted, best phrasing) that the question contains).
  // It favours "Điều kiện hưởng trợ cấp thất nghiệp?" over a longer entry that merely holds it.
  double rerank_weight = 1.0;
  std::size_t rerank_depth = 10;
  EngineOptions();
};

struct Ranking {
  bool answered = false;
  int best = -1;  // entry index of the best candidate, -1 if nothing matched at all
  double confidence = 0;
  std::vector<uint32_t> related;  // up to 3; when not answered they include the best candidate
  std::vector<Hit> hits;          // top candidates, best first
  Features features;
};

class Engine {
 public:
  Engine(std::vector<Entry> entries, std::shared_ptr<const Resources> res, EngineOptions opt = {},
         Date today = Date::today());

  Ranking ask(std::string_view question) const;
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
  // Per entry, per phrasing (question, then alternatives): term ids of its content syllables.
  std::vector<std::vector<std::vector<uint32_t>>> phrasings_;
  double wording_share(uint32_t doc, const std::vector<uint32_t>& query_ids) const;
};

// An engine over a JSONL bank file (`caunoi ask --kb`, qa-eval, benches).
std::unique_ptr<Engine> load_engine(const std::filesystem::path& kb_jsonl,
                                    const std::filesystem::path& data_dir, EngineOptions opt = {});

// The Vietnamese hand-off message shown when the engine does not answer.
const char* handoff_message();

}  // namespace caunoi::qa
