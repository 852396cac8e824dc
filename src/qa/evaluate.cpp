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
    Ranking r = e.ask(q);
    Prediction p;
    p.confidence = r.confidence;
    if (r.best >= 0) {
      p.ranked_first = e.entry(static_cast<uint32_t>(r.best)).id;
      if (r.answered) p.answered = p.ranked_first;
    }
    return p;
  };
}

std::array<double, 5> fit_calibration(const Engine& e, const std::vector<EvalItem>& items) {
  std::vector<std::array<double, 5>> x;
  std::vector<double> y;
  for (const auto& it : items) {
    Ranking r = e.ask(it.q);
    x.push_back(r.features.vector());
    y.push_back(r.best >= 0 && it.expected &&
                e.entry(static_cast<uint32_t>(r.best)).id == *it.expected);
  }
  // Plain batch gradient descent with a little L2; a few hundred points, five weights.
  std::array<double, 5> w{};
  const double rate = 0.5, l2 = 1e-3;
  for (int iter = 0; iter < 20000; ++iter) {
    std::array<double, 5> g{};
    for (std::size_t i = 0; i < x.size(); ++i) {
      double z = 0;
      for (int k = 0; k < 5; ++k) z += w[k] * x[i][k];
      const double p = 1 / (1 + std::exp(-z));
      for (int k = 0; k < 5; ++k) g[k] += (p - y[i]) * x[i][k];
    }
    for (int k = 0; k < 5; ++k) w[k] -= rate * (g[k] / x.size() + (k ? l2 * w[k] : 0));
  }
  return w;
}

}  // namespace caunoi::qa
