// qa/evaluate.cpp — see evaluate.h.
#include "qa/evaluate.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>

#include <boost/json.hpp>

#include "qa/jsonl.h"
#include "text/tokenize.h"

namespace caunoi::qa {

bool EvalItem::unaccented() const {
  for (const auto& t : text::tokenize(q))
    if (t.marked) return false;
  return true;
}

std::vector<EvalItem> load_eval_set(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw not_found("file_not_found", "Không đọc được tệp " + file.string() + ".");
  std::vector<EvalItem> out;
  std::vector<FieldError> errors;
  for_each_json_line(in, [&](long no, const boost::json::object* o) {
    const boost::json::value* q = o ? o->if_contains("q") : nullptr;
    const boost::json::value* x = o ? o->if_contains("expected") : nullptr;
    if (!q || !q->is_string() || !x || !(x->is_string() || x->is_null())) {
      errors.push_back(
          {"dòng " + std::to_string(no), "Cần {\"q\": chuỗi, \"expected\": mã hoặc null}.", no});
      return;
    }
    EvalItem it;
    it.q = std::string(q->as_string());
    if (x->is_string()) it.expected = std::string(x->as_string());
    if (auto s = o->if_contains("style"); s && s->is_string())
      it.style = std::string(s->as_string());
    if (auto a = o->if_contains("asks"); a && a->is_array())
      for (const auto& x : a->as_array())
        if (x.is_string()) it.asks.emplace_back(x.as_string());
    it.line = no;
    out.push_back(std::move(it));
  });
  if (!errors.empty())
    throw invalid("invalid_testset", "Tệp câu hỏi kiểm thử có lỗi.", std::move(errors));
  return out;
}

std::vector<EvalItem> select(const std::vector<EvalItem>& items, Split s) {
  std::vector<EvalItem> out;
  for (const auto& it : items)
    if (s == Split::all || (s == Split::held_out) == it.held_out()) out.push_back(it);
  return out;
}

EvalSummary evaluate(const std::vector<EvalItem>& items, const System& system,
                     const std::function<void(const EvalItem&, const Prediction&)>& on_item) {
  EvalSummary s;
  std::map<std::string, std::array<int, 2>> styles;
  std::vector<double> times;
  for (const auto& it : items) {
    const auto t0 = std::chrono::steady_clock::now();
    Prediction p = system(it.q);
    p.micros =
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
    times.push_back(p.micros);
    ++s.total;
    s.handed_off += !p.answered;
    if (it.own_case()) {
      ++s.own_cases;
      s.own_cases_answered += p.answered.has_value();
      s.own_cases_flagged += p.own_case;
    }
    if (it.asks.size() > 1) {
      ++s.letters;
      bool all = p.asks.size() == it.asks.size();
      for (std::size_t i = 0; all && i < it.asks.size(); ++i) all = p.asks[i] == it.asks[i];
      s.letters_right += all;
    }
    bool ok;
    if (it.expected) {
      ++s.in_scope;
      ok = p.answered == it.expected;
      s.correct += ok;
      s.ranked_correct += p.ranked_first == it.expected;
      if (it.unaccented()) {
        ++s.unaccented;
        s.unaccented_correct += ok;
      }
    } else {
      ++s.oos;
      ok = !p.answered;
      s.oos_rejected += ok;
    }
    s.right += ok;
    auto& st = styles[it.style];
    st[0] += ok;
    ++st[1];
    if (on_item) on_item(it, p);
  }
  if (!times.empty()) {
    double sum = 0;
    for (double t : times) sum += t;
    s.mean_micros = sum / times.size();
    std::sort(times.begin(), times.end());
    s.p50_micros = times[times.size() / 2];
    s.p95_micros = times[std::min(times.size() - 1, times.size() * 95 / 100)];
  }
  s.by_style.assign(styles.begin(), styles.end());
  return s;
}

System engine_system(const Engine& e) {
  return [&e](const std::string& q) {
    const Reply r = e.reply(q);
    Prediction p;
    p.own_case = r.own_case;
    p.confidence = r.own_case ? r.own_case_p : r.asks.front().confidence;
    if (r.own_case) return p;
    const Ranking& first = r.asks.front();
    if (first.best >= 0) {
      p.ranked_first = e.entry(static_cast<uint32_t>(first.best)).id;
      if (first.answered) p.answered = p.ranked_first;
    }
    for (const auto& a : r.asks)
      p.asks.push_back(a.answered ? std::optional(e.entry(static_cast<uint32_t>(a.best)).id)
                                  : std::nullopt);
    return p;
  };
}

Weights fit_calibration(const Engine& e, const std::vector<EvalItem>& items) {
  std::vector<Weights> x;
  std::vector<double> y;
  for (const auto& it : items) {
    const Reply rep = e.reply(it.q);
    if (rep.own_case) continue;
    const Ranking& r = rep.asks.front();
    x.push_back(r.features.vector());
    y.push_back(r.best >= 0 && it.expected &&
                e.entry(static_cast<uint32_t>(r.best)).id == *it.expected);
  }
  // Plain batch gradient descent with a little L2; a few hundred points, a few weights.
  Weights w{};
  const double rate = 0.5, l2 = 1e-3;
  for (int iter = 0; iter < 20000; ++iter) {
    Weights g{};
    for (std::size_t i = 0; i < x.size(); ++i) {
      double z = 0;
      for (std::size_t k = 0; k < kFeatures; ++k) z += w[k] * x[i][k];
      const double p = 1 / (1 + std::exp(-z));
      for (std::size_t k = 0; k < kFeatures; ++k) g[k] += (p - y[i]) * x[i][k];
    }
    if (x.empty()) break;
    for (std::size_t k = 0; k < kFeatures; ++k)
      w[k] -= rate * (g[k] / x.size() + (k ? l2 * w[k] : 0));
  }
  return w;
}

}  // namespace caunoi::qa
