// qa/engine.cpp — ranking, features and the confidence model; see engine.h.
#include "qa/engine.h"

#include <algorithm>
#include <cmath>

#include "qa/jsonl.h"

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

}  // namespace

std::shared_ptr<const Resources> Resources::load(const std::filesystem::path& data_dir,
                                                 bool with_words) {
  auto r = std::make_shared<Resources>();
  try {
    r->lexicon =
        std::make_shared<text::Lexicon>(text::Lexicon::load(data_dir / "qa" / "lexicon.txt"));
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
  // Fitted by `caunoi qa-eval --fit` on the tuning split of data/qa/testset.jsonl.
  calibration = {-11.741, 2.235, 4.550, 3.028, 2.792};
}

Engine::Engine(std::vector<Entry> entries, std::shared_ptr<const Resources> res, EngineOptions opt,
               Date today)
    : entries_(answerable(std::move(entries), today)),
      res_(std::move(res)),
      opt_(opt),
      today_(today),
      analyzer_(res_->lexicon, res_->words, opt_.analyzer),
      index_(fields_of(entries_), analyzer_, opt_.index) {
  phrasings_.resize(entries_.size());
  for (std::size_t d = 0; d < entries_.size(); ++d) {
    auto add = [&](const std::string& text) {
      std::vector<uint32_t> ids;
      for (const auto& w : analyzer_.content_words(text))
        if (auto id = index_.id(w); id >= 0) ids.push_back(static_cast<uint32_t>(id));
      std::sort(ids.begin(), ids.end());
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      if (!ids.empty()) phrasings_[d].push_back(std::move(ids));
    };
    add(entries_[d].question);
    for (const auto& a : entries_[d].alt_questions) add(a);
  }
}

double Engine::wording_share(uint32_t doc, const std::vector<uint32_t>& query_ids) const {
  double best = 0;
  for (const auto& ids : phrasings_[doc]) {
    double all = 0, hit = 0;
    for (uint32_t id : ids) {
      const double w = index_.idf_by_id(id);
      all += w;
      if (std::binary_search(query_ids.begin(), query_ids.end(), id)) hit += w;
    }
    if (all > 0) best = std::max(best, hit / all);
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
  Ranking r;
  const auto terms = analyzer_.query_terms(question, &index_.vocabulary());
  r.hits = index_.search(terms, std::max<std::size_t>(4, opt_.rerank_depth));
  if (r.hits.empty()) return r;
  if (opt_.rerank_weight > 0) {
    std::vector<uint32_t> query_ids;
    for (const auto& t : terms)
      if (auto id = index_.id(t.key); t.content && id >= 0)
        query_ids.push_back(static_cast<uint32_t>(id));
    std::sort(query_ids.begin(), query_ids.end());
    for (auto& h : r.hits)
      h.score *= static_cast<float>(1 + opt_.rerank_weight * wording_share(h.doc, query_ids));
    std::stable_sort(r.hits.begin(), r.hits.end(),
                     [](const Hit& a, const Hit& b) { return a.score > b.score; });
  }
  if (r.hits.size() > 4) r.hits.resize(4);
  const Hit& top = r.hits[0];
  r.best = static_cast<int>(top.doc);

  double cover_all = 0, cover_hit = 0, ceiling = 0;
  int content = 0;
  for (const auto& t : terms) {
    ceiling += t.weight * index_.max_weight(t.key);
    if (!t.content) continue;
    ++content;
    const double w = t.weight * index_.idf(t.key);
    cover_all += w;
    if (index_.weight(t.key, top.doc) > 0) cover_hit += w;
  }
  Features& f = r.features;
  f.coverage = cover_all > 0 ? cover_hit / cover_all : 0;
  f.normalized = ceiling > 0 ? top.score / ceiling : 0;
  f.margin = r.hits.size() > 1 ? (top.score - r.hits[1].score) / top.score : 1.0;
  f.length = std::log1p(content);
  r.confidence = confidence(f);
  r.answered = r.confidence >= opt_.threshold;

  for (std::size_t i = r.answered ? 1 : 0; i < r.hits.size() && r.related.size() < 3; ++i)
    if (r.hits[i].score >= opt_.related_ratio * top.score) r.related.push_back(r.hits[i].doc);
  return r;
}

std::unique_ptr<Engine> load_engine(const std::filesystem::path& kb,
                                    const std::filesystem::path& data_dir, EngineOptions opt) {
  const bool words = opt.analyzer.mode == TermMode::dict || opt.analyzer.mode == TermMode::both;
  return std::make_unique<Engine>(load_jsonl(kb), Resources::load(data_dir, words), opt);
}

const char* handoff_message() {
  return "Xin lỗi, hệ thống chưa đủ chắc chắn để trả lời câu hỏi này. Câu hỏi của bạn đã được "
         "chuyển tới cán bộ BHXH để giải đáp; trong lúc chờ, bạn có thể xem các câu hỏi liên quan "
         "dưới đây hoặc gọi tổng đài 1900 9068 để được tư vấn trực tiếp.";
}

}  // namespace caunoi::qa
