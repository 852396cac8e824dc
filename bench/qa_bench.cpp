// bench/qa_bench.cpp — caunoi's Q&A engine against SQLite FTS5 and Xapian over the same bank, in
// one run.
//
// Every system answers every question of data/qa/testset.jsonl, first over the starter bank
// (150 entries), then over the bank grown to --grow entries (default 100,000) with synthetic
// distractor entries made deterministically (fixed seed) from the dictionary data/words/
// vi_words.txt and the bank's own vocabulary. Printed for each: top-1 accuracy (answered and
// right), ranking top-1, accuracy on unaccented questions, out-of-scope rejection, latency per
// question (mean, p50, p95, p99), and each baseline's latency ratio to caunoi. All systems are
// timed alike: one untimed warm-up pass over the questions, then the same number of timed rounds
// (--reps on the starter bank, a tenth of it on the grown one). caunoi is timed on reply(), what
// a citizen gets (own-case check, letters, both rankings).
//
// Accuracy on real questions is printed beside: right decisions on the real portal questions
// (data/qa/real_dev.jsonl, tuned on: dev) and on data/qa/blind_test.jsonl (never tuned on), for
// caunoi and the baselines with their testset-fitted thresholds (they have no notion of an
// own-case request). The training time of caunoi's classifier is printed for the starter bank
// and for a synthetic bank at the agency's scale (3,000 entries × 37 phrasings), and the
// process's peak RSS (getrusage) at the end.
//
// FTS5 gets a fair setup: unicode61 tokenizer with diacritics removed, the same four fields
// with the same BM25F-style column weights, the question's words OR-ed, and an answer threshold
// on its bm25 score chosen to maximise its own accuracy on the tuning split. Xapian (qa_xapian.h,
// when built with libxapian-dev) gets the same fields, weights, OR query and threshold fitting.
//
// Run: build/qa_bench [--grow N] [--reps R] [--scale ENTRIES]
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "qa/evaluate.h"
#include "qa/jsonl.h"
#include "qa_fields.h"
#include "text/tokenize.h"
#ifdef CAUNOI_HAVE_XAPIAN
#include "qa_xapian.h"
#endif

using namespace caunoi;
using namespace caunoi::qa;
using caunoi::bench::baseline_fields;
using caunoi::bench::kFieldWeights;
namespace fs = std::filesystem;

namespace {

using Clock = std::chrono::steady_clock;

fs::path data_dir() {
  const char* d = std::getenv("CAUNOI_DATA_DIR");
  return d ? fs::path(d) : fs::path(CAUNOI_SOURCE_DIR) / "data";
}

// Synthetic distractors: questions and answers of random dictionary words mixed with words of
// the bank, so that common domain terms ("bảo hiểm", "đóng") spread over many entries.
std::vector<Entry> grow(const std::vector<Entry>& bank, std::size_t target) {
  std::vector<std::string> dict, domain;
  std::ifstream in(data_dir() / "words" / "vi_words.txt");
  for (std::string w; std::getline(in, w);)
    if (!w.empty()) dict.push_back(w);
  for (const auto& e : bank)
    for (const auto& t : text::tokenize(e.question + " " + e.answer)) domain.push_back(t.text);
  std::mt19937 rng(20251123);
  auto words = [&](int n) {
    std::string s;
    for (int i = 0; i < n; ++i) {
      if (!s.empty()) s += ' ';
      s += (rng() % 10 < 3) ? domain[rng() % domain.size()] : dict[rng() % dict.size()];
    }
    return s;
  };
  std::vector<Entry> out = bank;
  for (std::size_t i = bank.size(); i < target; ++i) {
    Entry e;
    e.id = "synthetic-" + std::to_string(i);
    e.topic = words(2);
    e.question = words(6 + static_cast<int>(rng() % 8)) + "?";
    e.alt_questions = {words(5 + static_cast<int>(rng() % 6)) + "?"};
    e.answer = words(25 + static_cast<int>(rng() % 40)) + ".";
    out.push_back(std::move(e));
  }
  return out;
}

class Fts5 {
 public:
  explicit Fts5(const std::vector<Entry>& bank) {
    sqlite3_open(":memory:", &db_);
    exec(
        "CREATE VIRTUAL TABLE kb USING fts5(id UNINDEXED, question, alts, answer, meta, "
        "tokenize = 'unicode61 remove_diacritics 2')");
    exec("BEGIN");
    sqlite3_stmt* ins;
    sqlite3_prepare_v2(db_, "INSERT INTO kb VALUES (?, ?, ?, ?, ?)", -1, &ins, nullptr);
    for (const auto& e : bank) {
      const auto fields = baseline_fields(e);
      sqlite3_bind_text(ins, 1, e.id.c_str(), -1, SQLITE_TRANSIENT);
      for (int i = 0; i < 4; ++i)
        sqlite3_bind_text(ins, i + 2, fields[i].c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_step(ins);
      sqlite3_reset(ins);
    }
    sqlite3_finalize(ins);
    exec("COMMIT");
    // Same field weights as caunoi's BM25F (question 3, alternatives 2, answer 0.6, meta 1).
    char sql[200];
    std::snprintf(sql, sizeof sql,
                  "SELECT id, bm25(kb, 0, %g, %g, %g, %g) AS s FROM kb WHERE kb MATCH ? "
                  "ORDER BY s LIMIT 4",
                  kFieldWeights[0], kFieldWeights[1], kFieldWeights[2], kFieldWeights[3]);
    sqlite3_prepare_v2(db_, sql, -1, &query_, nullptr);
  }
  ~Fts5() {
    sqlite3_finalize(query_);
    sqlite3_close(db_);
  }
  // Best id and its score (higher is better), or empty.
  std::pair<std::string, double> ask(const std::string& q) {
    std::string match;
    std::string word;
    auto flush = [&] {
      if (word.empty()) return;
      if (!match.empty()) match += " OR ";
      match += '"' + word + '"';
      word.clear();
    };
    for (unsigned char c : q) {
      if (c >= 0x80 || std::isalnum(c))
        word.push_back(static_cast<char>(c));
      else
        flush();
    }
    flush();
    if (match.empty()) return {};
    sqlite3_reset(query_);
    sqlite3_bind_text(query_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    std::pair<std::string, double> best;
    bool first = true;
    while (sqlite3_step(query_) == SQLITE_ROW)
      if (first) {
        best = {reinterpret_cast<const char*>(sqlite3_column_text(query_, 0)),
                -sqlite3_column_double(query_, 1)};
        first = false;
      }
    return best;
  }

 private:
  void exec(const char* sql) { sqlite3_exec(db_, sql, nullptr, nullptr, nullptr); }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

// Latency over `reps` rounds of every question: each call timed on its own.
struct Latency {
  double mean = 0, p50 = 0, p95 = 0, p99 = 0;
};
Latency stats(std::vector<double> t) {
  std::sort(t.begin(), t.end());
  Latency l;
  for (double x : t) l.mean += x;
  l.mean /= t.size();
  l.p50 = t[t.size() / 2];
  l.p95 = t[t.size() * 95 / 100];
  l.p99 = t[t.size() * 99 / 100];
  return l;
}

template <class F>
Latency time_each(const std::vector<EvalItem>& items, int reps, F&& f) {
  for (const auto& it : items) f(it.q);  // warm-up, untimed
  std::vector<double> t;
  for (int r = 0; r < reps; ++r)
    for (const auto& it : items) {
      const auto t0 = Clock::now();
      f(it.q);
      t.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    }
  return stats(std::move(t));
}

void row(const char* name, const EvalSummary& s, const Latency& l) {
  std::printf(
      "  %-8s top-1 %5.1f%%  ranking %5.1f%%  unaccented %5.1f%%  oos-rejected %5.1f%%  "
      "latency mean %8.1f  p50 %8.1f  p95 %8.1f  p99 %8.1f µs\n",
      name, 100 * s.top1(), 100 * s.ranked_top1(), 100 * s.unaccented_top1(), 100 * s.rejection(),
      l.mean, l.p50, l.p95, l.p99);
}

// A baseline answers every question once (each call timed); its answer threshold on its own
// score (higher is better) is then fitted on the tuning split for its own best accuracy, ties
// going to the lower threshold.
struct BaselineResult {
  EvalSummary summary;
  Latency latency;
  double threshold = 0;
};

template <class Ask>
BaselineResult measure_baseline(const std::vector<EvalItem>& items, int reps, Ask&& ask) {
  std::unordered_map<std::string, std::pair<std::string, double>> said;
  for (const auto& it : items) said[it.q] = ask(it.q);
  const Latency latency = time_each(items, reps, ask);
  double best_t = 0;
  int best_ok = -1;
  for (const auto& [q, cand] : said) {
    int ok = 0;
    for (const auto& it : select(items, Split::tune)) {
      const auto& [id, score] = said[it.q];
      const bool answers = !id.empty() && score >= cand.second;
      ok += it.expected ? (answers && id == *it.expected) : !answers;
    }
    if (ok > best_ok || (ok == best_ok && cand.second < best_t)) {
      best_ok = ok;
      best_t = cand.second;
    }
  }
  BaselineResult r;
  r.summary = evaluate(items, [&](const std::string& q) {
    const auto& [id, s] = said[q];
    Prediction p;
    if (!id.empty()) {
      p.ranked_first = id;
      if (s >= best_t) p.answered = id;
    }
    return p;
  });
  r.latency = latency;
  r.threshold = best_t;
  return r;
}

// A baseline's right decisions on another set, with its threshold from the testset.
template <class Ask>
EvalSummary decisions(const std::vector<EvalItem>& items, double threshold, Ask&& ask) {
  return evaluate(items, [&](const std::string& q) {
    const auto [id, s] = ask(q);
    Prediction p;
    if (!id.empty()) {
      p.ranked_first = id;
      if (s >= threshold) p.answered = id;
    }
    return p;
  });
}

void real_row(const char* name, const EvalSummary& dev, const EvalSummary& blind) {
  std::printf(
      "  %-8s real questions (dev): right %5.1f%%, own-case answered %5.1f%% | blind set: right "
      "%5.1f%%, top-1 %5.1f%%, own-case answered %5.1f%%\n",
      name, 100 * dev.decisions(), 100 * dev.own_case_answered(), 100 * blind.decisions(),
      100 * blind.top1(), 100 * blind.own_case_answered());
}

struct RealSets {
  std::vector<EvalItem> dev, blind;
};

void report(const char* name, const char* score, const BaselineResult& r, const EvalSummary& ours,
            const Latency& lat_ours) {
  row(name, r.summary, r.latency);
  std::printf("  %s threshold (fitted on tuning split): %s %.3f\n", name, score, r.threshold);
  std::printf("  ratio %s/caunoi: p50 %.1f×, p99 %.1f×, mean %.1f×; accuracy caunoi %+.1f points\n",
              name, r.latency.p50 / lat_ours.p50, r.latency.p99 / lat_ours.p99,
              r.latency.mean / lat_ours.mean, 100 * (ours.top1() - r.summary.top1()));
}

void run(const char* title, const std::vector<Entry>& bank, const std::vector<EvalItem>& items,
         int reps, const RealSets* real) {
  std::printf("\n%s: %zu entries, %zu questions, %d timing rounds\n", title, bank.size(),
              items.size(), reps);
  auto t0 = Clock::now();
  Engine engine(bank, Resources::load(data_dir()));
  engine.warm();  // index and classifier: what a bank change costs
  const double build_caunoi = std::chrono::duration<double>(Clock::now() - t0).count();
  t0 = Clock::now();
  Fts5 fts(bank);
  const double build_fts = std::chrono::duration<double>(Clock::now() - t0).count();
#ifdef CAUNOI_HAVE_XAPIAN
  t0 = Clock::now();
  bench::XapianBaseline xapian(bank);
  const double build_xapian = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf("  index build: caunoi %.2f s, FTS5 %.2f s, Xapian %.2f s\n", build_caunoi, build_fts,
              build_xapian);
#else
  std::printf("  index build: caunoi %.2f s, FTS5 %.2f s\n", build_caunoi, build_fts);
#endif

  const auto ours = evaluate(items, engine_system(engine));
  const auto lat_ours =
      time_each(items, reps, [&](const std::string& q) { return engine.reply(q).asks.size(); });
  auto fts_ask = [&](const std::string& q) { return fts.ask(q); };
  const auto fts_result = measure_baseline(items, reps, fts_ask);
#ifdef CAUNOI_HAVE_XAPIAN
  auto xapian_ask = [&](const std::string& q) { return xapian.ask(q); };
  const auto xapian_result = measure_baseline(items, reps, xapian_ask);
#endif

  row("caunoi", ours, lat_ours);
  report("FTS5", "bm25", fts_result, ours, lat_ours);
#ifdef CAUNOI_HAVE_XAPIAN
  report("Xapian", "BM25 weight", xapian_result, ours, lat_ours);
#else
  std::printf("  Xapian skipped: built without libxapian-dev (xapian-core not found)\n");
#endif
  if (!real) return;
  real_row("caunoi", evaluate(real->dev, engine_system(engine)),
           evaluate(real->blind, engine_system(engine)));
  real_row("FTS5", decisions(real->dev, fts_result.threshold, fts_ask),
           decisions(real->blind, fts_result.threshold, fts_ask));
#ifdef CAUNOI_HAVE_XAPIAN
  real_row("Xapian", decisions(real->dev, xapian_result.threshold, xapian_ask),
           decisions(real->blind, xapian_result.threshold, xapian_ask));
#endif
}

// The agency's scale (seeds: 3,000 answers, 110,000 training items): synthetic entries with 37
// synthetic phrasings each, to time the classifier's training when a bank that size is published.
void training_at_scale(const std::vector<Entry>& bank, std::size_t entries, int phrasings) {
  auto big = grow(bank, entries);
  std::mt19937 rng(7);
  for (std::size_t i = bank.size(); i < big.size(); ++i) {
    const auto& q = big[i].question;
    for (int k = 0; k < phrasings; ++k) {
      // Reordered and cut copies of the entry's own question and of a random other entry's.
      std::string p = q.substr(0, q.size() / 2 + rng() % (q.size() / 2 + 1));
      p += ' ' + big[rng() % big.size()].alt_questions.front();
      big[i].phrasings.push_back(std::move(p));
    }
  }
  std::size_t n = 0;
  for (const auto& e : big) n += e.phrasings.size() + e.alt_questions.size() + 1;
  const auto t0 = Clock::now();
  Engine engine(big, Resources::load(data_dir()));
  const double index = std::chrono::duration<double>(Clock::now() - t0).count();
  engine.warm();
  const double all = std::chrono::duration<double>(Clock::now() - t0).count();
  std::printf(
      "\ntraining at scale: %zu entries, %zu training texts: index %.1f s, classifier %.1f s\n",
      big.size(), n, index, all - index);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t target = 100000, scale = 3000;
  int reps = 20;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--grow")) target = std::strtoul(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--scale")) scale = std::strtoul(argv[i + 1], nullptr, 10);
    if (!std::strcmp(argv[i], "--reps")) reps = std::atoi(argv[i + 1]);
  }
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  try {
    const auto bank = load_jsonl(data_dir() / "qa" / "kb.jsonl");
    const auto items = load_eval_set(data_dir() / "qa" / "testset.jsonl");
    const RealSets real{load_eval_set(data_dir() / "qa" / "real_dev.jsonl"),
                        load_eval_set(data_dir() / "qa" / "blind_test.jsonl")};
    run("starter bank", bank, items, reps, &real);
    if (scale > 0) training_at_scale(bank, scale, 37);
    if (target > bank.size())
      run("grown bank", grow(bank, target), items, std::max(1, reps / 10), nullptr);
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("\npeak RSS of this process: %.1f MiB\n", ru.ru_maxrss / 1024.0);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "qa_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
