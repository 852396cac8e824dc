// demo/generator.cpp — population model, progress and the order of the demo parts.
#include <cmath>
#include <cstdio>

#include "common/error.h"
#include "demo/demo.h"
#include "tabular/csv_records.h"

namespace caunoi::demo {

void Progress::start(std::string label, int64_t total) {
  label_ = std::move(label);
  total_ = std::max<int64_t>(total, 1);
  done_ = 0;
  last_pct_ = -1;
  advance(0);
}

void Progress::advance(int64_t n) {
  done_ += n;
  int pct = static_cast<int>(std::min<int64_t>(100, done_ * 100 / total_));
  if (!enabled_ || pct == last_pct_) return;
  last_pct_ = pct;
  std::fprintf(stderr, "\r  %-34s %3d%% (%lld/%lld)", label_.c_str(), pct,
               static_cast<long long>(done_), static_cast<long long>(total_));
  std::fflush(stderr);
}

void Progress::finish() {
  if (!enabled_) return;
  done_ = total_;
  last_pct_ = -1;
  advance(0);
  std::fprintf(stderr, "\n");
}

double DemoContext::population(const places::Unit& u, int year) const {
  return population_2022[u.index] * std::pow(1.009, year - 2022);
}

double DemoContext::labour_force(const places::Unit& u, int year) const {
  return population(u, year) * 0.505;
}

std::vector<const places::Unit*> DemoContext::units_at(Date d, places::Level level) const {
  places::Era era = d < places::kReformDate ? places::Era::old : places::Era::current;
  std::vector<const places::Unit*> out;
  for (size_t i = 0; i < places.size(); ++i) {
    const auto& u = places.at(static_cast<uint32_t>(i));
    if (u.era == era && u.level == level) out.push_back(&u);
  }
  return out;
}

int64_t DemoContext::poisson(double mean) {
  if (mean <= 0) return 0;
  return std::poisson_distribution<int64_t>(mean)(rng);
}

namespace {

// Splits each old province's population over its communes (urban wards weigh more), then gives
// each current commune the people of the old communes that became it, and sums up both trees.
std::vector<double> model_population(const places::Gazetteer& g, const std::filesystem::path& data,
                                     uint64_t seed) {
  std::vector<double> pop(g.size(), 0.0);
  std::mt19937_64 rng(seed ^ 0x9e3779b97f4a7c15ULL);
  std::uniform_real_distribution<double> jitter(0.6, 1.4);
  for (const auto& r : tabular::read_csv_records(data / "demo" / "population_2022.csv")) {
    const auto* prov = g.find("old:" + r.at("province_code"));
    if (!prov) continue;
    double people = std::stod(r.at("population_thousand")) * 1000.0;
    std::vector<const places::Unit*> communes;
    std::vector<double> w;
    for (const auto* d : g.children(prov->id))
      for (const auto* c : g.children(d->id)) {
        communes.push_back(c);
        w.push_back(jitter(rng) * (c->type == "Phường" ? 1.6 : c->type == "Thị trấn" ? 1.3 : 1.0));
      }
    double total_w = 0;
    for (double x : w) total_w += x;
    for (size_t i = 0; i < communes.size(); ++i) pop[communes[i]->index] = people * w[i] / total_w;
    if (communes.empty()) pop[prov->index] = people;
  }
  // Roll old communes up their old tree, and across into the current tree.
  for (size_t i = 0; i < g.size(); ++i) {
    const auto& u = g.at(static_cast<uint32_t>(i));
    if (u.era != places::Era::old || u.level != places::Level::commune) continue;
    double p = pop[i];
    for (const auto* a : g.ancestors(u.id))
      if (a->id != "VN") pop[a->index] += p;
    const auto& now = g.current_of(u.id);
    pop[now.index] += p;
    for (const auto* a : g.ancestors(now.id)) pop[a->index] += p;
  }
  return pop;
}

}  // namespace

void generate(store::Connection& db, const places::Gazetteer& g, const DemoOptions& opt,
              Progress& progress) {
  if (opt.scale <= 0 || opt.scale > 10)
    throw invalid("bad_scale", "Hệ số quy mô (--scale) phải lớn hơn 0 và không quá 10.");
  DemoContext ctx{db, g, opt, std::mt19937_64(opt.seed), progress, {}};
  ctx.population_2022 = model_population(g, opt.data_dir, opt.seed);
  generate_participation(ctx);
  generate_plans(ctx);
  generate_activities(ctx);
  generate_approvals(ctx);
}

}  // namespace caunoi::demo
