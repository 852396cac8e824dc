// qa/engine.cpp — ranking, features and the confidence model; see engine.h.
#include "qa/engine.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>

#include "qa/jsonl.h"
#include "qa/letter.h"
#include "text/tokenize.h"

namespace caunoi::qa {
namespace {

std::vector<Entry> answerable(std::vector<Entry> all, const Date& today) {
  std::erase_if(all, [&](const Entry& e) { return !e.answerable(today); });
  return all;
}

std::vector<DocFields> fields_of(const std::vector<Entry>& entries) {
  std::vector<DocFields> out;
  out.reserve(entries.size());
  for (const auto& e : entries) {
    DocFields f;
    f[kQuestion] = e.question;
    for (const auto& a : e.alt_questions) (f[kAlternatives] += a) += '\n';
    f[kAnswer] = e.answer;
    f[kMeta] = e.topic;
    for (const auto& t : e.tags) (f[kMeta] += ' ') += t;
    out.push_back(std::move(f));
  }
  return out;
}

// {"q": text, "kind": "own_case" | "out_of_scope"} per line; other kinds are skipped.
std::vector<HandoffExample> load_handoff(const std::filesystem::path& file) {
  std::vector<HandoffExample> out;
  std::ifstream in(file);
  if (!in) return out;
  for_each_json_line(in, [&](long no, const boost::json::object* o) {
    const boost::json::value* q = o ? o->if_contains("q") : nullptr;
    const boost::json::value* k = o ? o->if_contains("kind") : nullptr;
    if (!q || !q->is_string() || !k || !k->is_string())
      throw std::runtime_error(file.string() + ": dòng " + std::to_string(no) +
                               " cần {\"q\", \"kind\"}");
    if (const auto kind = parse_handoff(k->as_string()))
      out.push_back({std::string(q->as_string()), *kind, "", ""});
  });
  return out;
}

}  // namespace

std::shared_ptr<const Resources> Resources::load(const std::filesystem::path& data_dir,
                                                 bool with_words) {
  auto r = std::make_shared<Resources>();
  try {
    r->lexicon =
        std::make_shared<text::Lexicon>(text::Lexicon::load(data_dir / "qa" / "lexicon.txt"));
    r->handoff = load_handoff(data_dir / "qa" / "handoff.jsonl");
    if (with_words)
      r->words = std::make_shared<text::Segmenter>(
          text::Segmenter::load(data_dir / "words" / "vi_words.txt"));
  } catch (const std::runtime_error& e) {
    throw Error(ErrorKind::internal, "qa_data_missing",
                std::string("Thiếu hoặc hỏng dữ liệu của phần hỏi đáp: ") + e.what());
  }
  return r;
}

EngineOptions::EngineOptions() {
  // Fitted by `caunoi qa-eval --fit --tune data/qa/real_dev.jsonl` (the tuning split of
  // data/qa/testset.jsonl and the real portal questions); never on data/qa/blind_test.jsonl.
  calibration = {-4.898, 0.993, 0.917, 0.280, 0.611, 6.023, 0.087, -2.197, 0.666};
}

Engine::Engine(std::vector<Entry> entries, std::shared_ptr<const Resources> res, EngineOptions opt,
               Date today)
    : entries_(answerable(std::move(entries), today)),
      res_(std::move(res)),
      opt_(opt),
      today_(today),
      analyzer_(res_->lexicon, res_->words, opt_.analyzer),
      index_(fields_of(entries_), analyzer_, opt_.index) {
  std::vector<uint32_t> ids;
  for (std::size_t d = 0; d < entries_.size(); ++d) {
    first_wording_.push_back(static_cast<uint32_t>(wordings_.size()));
    auto add = [&](const std::string& text, bool training) {
      ids.clear();
      for (const auto& word : analyzer_.content_words(text))
        if (auto id = index_.id(word); id >= 0) ids.push_back(static_cast<uint32_t>(id));
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      Wording w{static_cast<uint32_t>(wording_ids_.size()), 0, 0, training};
      for (uint32_t id : ids) w.idf += index_.idf_by_id(id);
      if (w.idf <= 0) return;
      wording_ids_.insert(wording_ids_.end(), ids.begin(), ids.end());
      for (uint32_t id : ids) wording_idf_.push_back(index_.idf_by_id(id));
      w.end = static_cast<uint32_t>(wording_ids_.size());
      wordings_.push_back(w);
    };
    add(entries_[d].question, false);
    for (const auto& a : entries_[d].alt_questions) add(a, false);
    for (const auto& a : entries_[d].phrasings) add(a, true);
    const auto doc = static_cast<uint32_t>(d);
    exact_.try_emplace(exact_key(entries_[d].question), doc);
    for (const auto& a : entries_[d].alt_questions) exact_.try_emplace(exact_key(a), doc);
    for (const auto& a : entries_[d].phrasings) exact_.try_emplace(exact_key(a), doc);
  }
  first_wording_.push_back(static_cast<uint32_t>(wordings_.size()));
  for (const auto& h : res_->handoff)
    exact_.try_emplace(exact_key(h.text),
                       h.kind == Handoff::own_case ? own_case_class() : out_of_scope_class());
  exact_.erase("");
}

std::optional<uint32_t> Engine::exact_class(std::string_view text) const {
  const auto known = exact_.find(exact_key(text));
  if (known == exact_.end()) return std::nullopt;
  return known->second;
}

std::string Engine::exact_key(std::string_view text) const {
  std::string k;
  for (const auto& t : text::tokenize(plain_message(text), 200)) (k += t.folded) += ' ';
  return k;
}

const Classifier& Engine::classifier() const {
  std::call_once(trained_, [this] {
    // The classifier learns each entry from its question, alternatives and training phrasings,
    // and the two hand-off classes from the examples in the data files.
    std::vector<Example> examples;
    const auto* vocab = &index_.vocabulary();
    auto learn = [&](std::string_view text, uint32_t label) {
      examples.push_back({analyzer_.classifier_features(plain_message(text), vocab), label});
    };
    for (std::size_t d = 0; d < entries_.size(); ++d) {
      const auto label = static_cast<uint32_t>(d);
      learn(entries_[d].question, label);
      for (const auto& a : entries_[d].alt_questions) learn(a, label);
      for (const auto& p : entries_[d].phrasings) learn(p, label);
    }
    for (const auto& h : res_->handoff)
      learn(h.text, h.kind == Handoff::own_case ? own_case_class() : out_of_scope_class());
    classifier_ = Classifier(examples, out_of_scope_class() + 1, opt_.classifier);
  });
  return classifier_;
}

std::vector<double> Engine::probabilities(const std::vector<std::string>& features) const {
  const auto s = classifier().scores(features);
  // No known feature: the classifier has no opinion (not a uniform one).
  if (std::all_of(s.begin(), s.end(), [](float x) { return x == 0; })) return {};
  std::vector<double> p(s.size(), 0);
  const double top = *std::max_element(s.begin(), s.end());
  double sum = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    sum += p[i] = std::exp((s[i] - top) / opt_.temperature);
  for (auto& x : p) x /= sum;
  return p;
}

bool Reply::answered() const {
  return std::any_of(asks.begin(), asks.end(), [](const Ranking& r) { return r.answered; });
}

double Engine::wording_share(uint32_t doc, const std::vector<char>& in_query) const {
  double best = 0;
  for (uint32_t k = first_wording_[doc]; k < first_wording_[doc + 1]; ++k) {
    const Wording& w = wordings_[k];
    const double weight = w.training ? opt_.training_rerank : 1.0;
    if (weight <= best) continue;  // a share is at most 1: this wording cannot do better
    double hit = 0;
    for (uint32_t i = w.begin; i < w.end; ++i)
      hit += in_query[wording_ids_[i]] ? static_cast<double>(wording_idf_[i]) : 0.0;
    best = std::max(best, weight * hit / w.idf);
  }
  return best;
}

double Engine::confidence(const Features& f) const {
  const auto x = f.vector();
  double z = 0;
  for (std::size_t i = 0; i < x.size(); ++i) z += opt_.calibration[i] * x[i];
  return 1.0 / (1.0 + std::exp(-z));
}

Ranking Engine::ask(std::string_view question) const {
  return rank(question,
              probabilities(analyzer_.classifier_features(question, &index_.vocabulary())));
}

Ranking Engine::rank(std::string_view question, std::vector<double> p) const {
  Ranking r;
  r.text = std::string(question);
  const auto terms = analyzer_.query_terms(question, &index_.vocabulary());
  std::vector<uint32_t> query_ids;
  for (const auto& t : terms)
    if (auto id = index_.id(t.key); t.content && id >= 0)
      query_ids.push_back(static_cast<uint32_t>(id));
  // The question's terms marked in a per-thread array, unmarked when this returns.
  thread_local std::vector<char> in_query;
  if (in_query.size() < index_.terms()) in_query.resize(index_.terms(), 0);
  struct Unmark {
    std::vector<char>& marks;
    const std::vector<uint32_t>& ids;
    ~Unmark() {
      for (uint32_t id : ids) marks[id] = 0;
    }
  } unmark{in_query, query_ids};
  for (uint32_t id : query_ids) in_query[id] = 1;
  auto reranked = [&](uint32_t doc, float score) {
    return opt_.rerank_weight > 0
               ? score * static_cast<float>(1 + opt_.rerank_weight * wording_share(doc, in_query))
               : score;
  };
  std::vector<Hit> lexical = index_.search(terms, std::max<std::size_t>(4, opt_.rerank_depth));
  for (auto& h : lexical) h.score = reranked(h.doc, h.score);
  std::stable_sort(lexical.begin(), lexical.end(),
                   [](const Hit& a, const Hit& b) { return a.score > b.score; });

  const std::size_t n = entries_.size();
  // Candidates: the lexical hits and the classifier's three best entries.
  std::vector<uint32_t> learned_top;
  if (!p.empty()) {
    for (uint32_t d = 0; d < n; ++d) learned_top.push_back(d);
    const std::size_t k = std::min<std::size_t>(3, n);
    std::partial_sort(learned_top.begin(), learned_top.begin() + k, learned_top.end(),
                      [&](uint32_t a, uint32_t b) { return p[a] > p[b]; });
    learned_top.resize(k);
  }
  if (lexical.empty() && learned_top.empty()) return r;
  if (p.empty()) p.assign(n + 2, 0);

  std::vector<Hit> cands = lexical;
  for (uint32_t d : learned_top) {
    if (std::any_of(cands.begin(), cands.end(), [&](const Hit& h) { return h.doc == d; })) continue;
    float raw = 0;
    for (const auto& t : terms) raw += t.weight * index_.weight(t.key, d);
    cands.push_back({d, reranked(d, raw)});
  }
  const double lex_top = lexical.empty() ? 0 : lexical[0].score;
  const double p_top = learned_top.empty() ? 0 : p[learned_top[0]];
  std::vector<std::pair<uint32_t, double>> blended;
  for (const auto& h : cands) {
    const double a = lex_top > 0 ? h.score / lex_top : 0;
    const double b = p_top > 0 ? p[h.doc] / p_top : 0;
    blended.emplace_back(h.doc, (1 - opt_.learned_share) * a + opt_.learned_share * b);
  }
  std::stable_sort(blended.begin(), blended.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  const auto known = exact_class(question);
  const bool exact = known && *known < n;
  if (exact) {
    std::erase_if(blended, [&](const auto& x) { return x.first == *known; });
    blended.insert(blended.begin(), {*known, blended.empty() ? 1.0 : blended[0].second});
  }
  for (std::size_t i = 0; i < blended.size() && i < 4; ++i)
    r.hits.push_back({blended[i].first, static_cast<float>(blended[i].second)});
  const uint32_t best = r.hits[0].doc;
  r.best = static_cast<int>(best);

  double cover_all = 0, cover_hit = 0, ceiling = 0, best_lex = 0;
  int content = 0;
  for (const auto& t : terms) {
    ceiling += t.weight * index_.max_weight(t.key);
    best_lex += t.weight * index_.weight(t.key, best);
    if (!t.content) continue;
    ++content;
    const double w = t.weight * index_.idf(t.key);
    cover_all += w;
    if (index_.weight(t.key, best) > 0) cover_hit += w;
  }
  Features& f = r.features;
  f.coverage = cover_all > 0 ? cover_hit / cover_all : 0;
  f.normalized = ceiling > 0 ? best_lex / ceiling : 0;
  f.margin = r.hits.size() > 1 && r.hits[0].score > 0
                 ? (r.hits[0].score - r.hits[1].score) / r.hits[0].score
                 : 1.0;
  f.length = std::log1p(content);
  // reply() has already judged the message not own-case: the entries share what is left.
  f.learned = p[best] / std::max(1e-9, 1 - p[own_case_class()]);
  f.own_case = p[own_case_class()];
  f.out_of_scope = p[out_of_scope_class()];
  f.agree = !lexical.empty() && lexical[0].doc == best ? 1 : 0;
  r.confidence = confidence(f);
  if (exact) r.confidence = std::max(r.confidence, 0.99);
  if (known == out_of_scope_class()) r.confidence = 0;
  r.answered = r.confidence >= opt_.threshold;

  for (std::size_t i = r.answered ? 1 : 0; i < r.hits.size() && r.related.size() < 3; ++i)
    if (r.hits[i].score >= opt_.related_ratio * r.hits[0].score) r.related.push_back(r.hits[i].doc);
  return r;
}

namespace {
std::string joined(const std::vector<std::string>& asks) {
  std::string out;
  for (const auto& a : asks) (out += a) += ' ';
  return out;
}
}  // namespace

bool Engine::own_case_asks(const std::vector<std::string>& asks, std::string_view text) const {
  if (asks.size() == 1 && asks.front() == text) return true;  // no separate ask: judged whole
  const auto p = probabilities(analyzer_.classifier_features(joined(asks), &index_.vocabulary()));
  return !p.empty() && p[own_case_class()] >= opt_.own_case_ask_threshold;
}

Reply Engine::reply(std::string_view message) const {
  Reply out;
  const std::string text = plain_message(message);
  auto p = probabilities(analyzer_.classifier_features(text, &index_.vocabulary()));
  out.own_case_p = p.empty() ? 0 : p[own_case_class()];  // empty: nothing the model knows
  const auto asks = ask_sentences(text);
  if (exact_class(text) == own_case_class() ||
      (out.own_case_p >= opt_.own_case_threshold && own_case_asks(asks, text) &&
       about_own_file(analyzer_.repaired(text, &index_.vocabulary())))) {
    out.own_case = true;
    return out;
  }
  // A letter with several asks gets an answer for each distinct one; otherwise the message is
  // ranked whole, since a lone ask ("vậy em có được hưởng không?") leans on its story.
  std::vector<Ranking> alone;  // each ask ranked alone, when the letter has several
  if (asks.size() > 1) {
    std::vector<Ranking> each;
    for (const auto& a : asks) {
      const Ranking& r = alone.emplace_back(ask(a));
      if (r.answered && std::none_of(each.begin(), each.end(),
                                     [&](const Ranking& x) { return x.best == r.best; }))
        each.push_back(r);
    }
    if (each.size() > 1) {
      out.asks = std::move(each);
      return out;
    }
  }
  // A message that leans own-case but whose asks do not (own_case_asks) tells a story about the
  // asker's own file and asks something general: the asks are ranked without the story, which
  // would lead to the entry about the file rather than to what is asked.
  if (out.own_case_p >= opt_.own_case_threshold) {
    out.asks.push_back(ask(joined(asks)));
    return out;
  }
  Ranking whole = rank(text, std::move(p));  // the whole message's probabilities, reused
  // A letter read whole: when one of its asks alone points to the same entry as the whole letter
  // (the first that does), the story did not lead the ranking astray. Two readings that agree are
  // surer than either: each leaves a doubt, and the answer is wrong only if both are (a noisy-or
  // of the two).
  if (asks.front() != text && whole.best >= 0) {
    if (alone.empty()) alone.push_back(ask(asks.front()));
    for (const auto& r : alone) {
      if (r.best != whole.best) continue;
      whole.confidence = 1 - (1 - r.confidence) * (1 - whole.confidence);
      whole.answered = whole.confidence >= opt_.threshold;
      std::erase(whole.related, static_cast<uint32_t>(whole.best));
      break;
    }
  }
  out.asks.push_back(std::move(whole));
  return out;
}

std::unique_ptr<Engine> load_engine(const std::filesystem::path& kb,
                                    const std::filesystem::path& data_dir, EngineOptions opt) {
  const bool words = opt.analyzer.mode == TermMode::dict || opt.analyzer.mode == TermMode::both;
  return std::make_unique<Engine>(load_jsonl(kb), Resources::load(data_dir, words), opt);
}

const char* own_case_message() {
  return "Câu hỏi của bạn cần tra cứu hồ sơ, quá trình đóng hoặc khoản chi trả của chính bạn, nên "
         "hệ thống không trả lời tự động. Câu hỏi đã được chuyển tới cán bộ BHXH để kiểm tra và "
         "trả lời bạn. Bạn cũng có thể tự tra cứu trên ứng dụng VssID hoặc gọi tổng đài 1900 9068 "
         "(cần có mã số BHXH hoặc số CCCD để được hỗ trợ).";
}

const char* handoff_message() {
  return "Xin lỗi, hệ thống chưa đủ chắc chắn để trả lời câu hỏi này. Câu hỏi của bạn đã được "
         "chuyển tới cán bộ BHXH để giải đáp; trong lúc chờ, bạn có thể xem các câu hỏi liên quan "
         "dưới đây hoặc gọi tổng đài 1900 9068 để được tư vấn trực tiếp.";
}

}  // namespace caunoi::qa
