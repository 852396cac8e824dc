// demo/participation_gen.cpp — monthly participation results per province and yearly targets.
//
// National totals follow the figures the seeds quote, and provinces share them out:
//   end of Q1/2022  15,13 M compulsory BHXH + 1,283 M voluntary = 32,47% of the labour force
//   end of 2021     BHYT covers 91,01% of the population, rising to about 95% by 2026
//   Đắk Lắk, end of 2022: 106.700 compulsory, 18.004 voluntary, 1.604.000 BHYT of 1.738.377
//                   people = 92,27%, against a target of 91,75%
// Each province gets a fixed share of each national figure (by labour force or population,
// with a seeded spread), so national sums are exact and provincial rates differ plausibly.
// Figures are reported on old provinces before July 2025 and on current provinces after, as the
// offices did. Everything goes through plans::Service, like figures entered by staff.
#include <algorithm>
#include <cmath>
#include <map>

#include "audit/log.h"
#include "demo/demo.h"
#include "plans/service.h"

namespace caunoi::demo {
namespace {

// Years since the start of 2022, at the end of a month (end of March 2022 → 0.25).
double t_of(int year, int month) {
  return (year - 2022) + month / 12.0;
}

// Piecewise linear through (t, value) knots; flat outside.
double interp(const std::vector<std::pair<double, double>>& k, double t) {
  if (t <= k.front().first) return k.front().second;
  for (size_t i = 1; i < k.size(); ++i)
    if (t <= k[i].first)
      return k[i - 1].second +
             (k[i].second - k[i - 1].second) * (t - k[i - 1].first) / (k[i].first - k[i - 1].first);
  return k.back().second;
}

constexpr double kQ1 = 0.25;  // end of March 2022
constexpr double kLabourQ1 = 16'413'000 / 0.3247;

struct National {
  double compulsory, voluntary, bhtn, bhyt, population, labour;
};

National national(const DemoContext& ctx, const std::vector<const places::Unit*>& provinces,
                  int year, int month) {
  double t = t_of(year, month);
  double pop = 0;
  for (const auto* p : provinces) pop += ctx.population(*p, year);
  // Within a year, grow towards next year's population month by month.
  double growth = std::pow(1.009, (month - 12) / 12.0);
  pop *= growth;
  double cov = interp({{-1 + 1 / 12.0, 0.9060},
                       {0.0, 0.9101},
                       {1.0, 0.9200},
                       {2.0, 0.9335},
                       {3.0, 0.9420},
                       {4.0, 0.9500},
                       {5.0, 0.9550}},
                      t);
  National n;
  n.compulsory = 15'130'000 * (1 + 0.035 * (t - kQ1));
  n.voluntary = 1'283'000 * (1 + 0.09 * (t - kQ1));
  n.labour = kLabourQ1 * (1 + 0.007 * (t - kQ1));
  n.bhtn = n.compulsory * 0.875;
  n.population = pop;
  n.bhyt = pop * cov;
  return n;
}

// A province's fixed share of each national figure, by era.
struct Shares {
  std::map<std::string, std::vector<double>> by_measure;  // measure → share per province
};

Shares shares_for(const DemoContext& ctx, const std::vector<const places::Unit*>& provinces,
                  uint64_t salt) {
  std::mt19937_64 rng(ctx.opt.seed ^ salt);
  std::uniform_real_distribution<double> spread(0.55, 1.6), mild(0.9, 1.1), cov(0.96, 1.03);
  Shares s;
  std::vector<double> comp, vol, pop, lab, bhyt;
  for (const auto* p : provinces) {
    double l = ctx.labour_force(*p, 2022), people = ctx.population(*p, 2022);
    comp.push_back(l * spread(rng));
    vol.push_back(l * mild(rng) * spread(rng));
    pop.push_back(people);
    lab.push_back(l * mild(rng));
    bhyt.push_back(people * cov(rng));
  }
  s.by_measure = {{"bhxh_compulsory", comp}, {"bhxh_voluntary", vol}, {"bhtn", comp},
                  {"population", pop},       {"labour_force", lab},   {"bhyt", bhyt}};
  for (auto& [m, v] : s.by_measure) {
    double sum = 0;
    for (double x : v) sum += x;
    for (double& x : v) x /= sum;
  }
  return s;
}

// Pins a province's share so that its value at one month is exact; the others make room.
void pin(Shares& s, const std::vector<const places::Unit*>& provinces, const std::string& unit,
         const std::string& measure, double value, double national_value) {
  auto& v = s.by_measure[measure];
  for (size_t i = 0; i < provinces.size(); ++i) {
    if (provinces[i]->id != unit) continue;
    double want = value / national_value, rest = 1 - v[i];
    for (size_t j = 0; j < v.size(); ++j)
      if (j != i) v[j] *= (1 - want) / rest;
    v[i] = want;
  }
}

// Integer values per province summing exactly to the national total (largest remainders).
std::vector<int64_t> share_out(const std::vector<double>& shares, double total) {
  int64_t target = std::llround(total);
  std::vector<int64_t> out(shares.size());
  std::vector<std::pair<double, size_t>> rem;
  int64_t sum = 0;
  for (size_t i = 0; i < shares.size(); ++i) {
    double x = shares[i] * static_cast<double>(target);
    out[i] = static_cast<int64_t>(std::floor(x));
    sum += out[i];
    rem.push_back({x - std::floor(x), i});
  }
  std::sort(rem.begin(), rem.end(), std::greater<>());
  for (size_t k = 0; sum < target && k < rem.size(); ++k, ++sum) ++out[rem[k].second];
  return out;
}

const char* kDakLak = "old:66";

struct Era {
  std::vector<const places::Unit*> provinces;
  Shares shares;
};

Era era_at(DemoContext& ctx, Date d) {
  Era e;
  e.provinces = ctx.units_at(d, places::Level::province);
  bool old = d < places::kReformDate;
  e.shares = shares_for(ctx, e.provinces, old ? 0x01d : 0x2025);
  if (old) {
    National dec = national(ctx, e.provinces, 2022, 12);
    pin(e.shares, e.provinces, kDakLak, "bhxh_compulsory", 106'700, dec.compulsory);
    pin(e.shares, e.provinces, kDakLak, "bhxh_voluntary", 18'004, dec.voluntary);
    pin(e.shares, e.provinces, kDakLak, "bhyt", 1'604'000, dec.bhyt);
    pin(e.shares, e.provinces, kDakLak, "population", 1'738'377, dec.population);
  }
  return e;
}

std::vector<std::pair<int, int>> months(const DemoOptions& o) {
  std::vector<std::pair<int, int>> out;
  for (int y = o.from.year, m = o.from.month; y < o.to.year || (y == o.to.year && m <= o.to.month);
       m == 12 ? (++y, m = 1) : ++m)
    out.push_back({y, m});
  return out;
}

}  // namespace

void generate_participation(DemoContext& ctx) {
  plans::Service svc(ctx.places);
  plans::Service::install(ctx.db);
  auto ms = months(ctx.opt);
  ctx.progress.start("kết quả phát triển người tham gia", static_cast<int64_t>(ms.size()));
  std::optional<Era> old_era, new_era;
  std::vector<plans::ResultRecord> batch;
  for (auto [y, m] : ms) {
    Date first{y, m, 1};
    bool old = first < places::kReformDate;
    auto& era = old ? old_era : new_era;
    if (!era) era = era_at(ctx, first);
    National n = national(ctx, era->provinces, y, m);
    std::map<std::string, std::vector<int64_t>> values;
    const std::pair<const char*, double> totals[] = {{"bhxh_compulsory", n.compulsory},
                                                     {"bhxh_voluntary", n.voluntary},
                                                     {"bhtn", n.bhtn},
                                                     {"bhyt", n.bhyt},
                                                     {"population", n.population},
                                                     {"labour_force", n.labour}};
    for (const auto& [measure, total] : totals)
      values[measure] = share_out(era->shares.by_measure[measure], total);
    std::string period = std::to_string(y) + "-" + (m < 10 ? "0" : "") + std::to_string(m);
    for (size_t i = 0; i < era->provinces.size(); ++i) {
      plans::ResultRecord r;
      r.unit_id = era->provinces[i]->id;
      r.period = period;
      for (const auto& [measure, total] : totals)
        r.values.push_back({measure, "", values[measure][i]});
      batch.push_back(std::move(r));
    }
    ctx.progress.advance();
  }
  svc.put_results(ctx.db, std::move(batch), audit::cli_actor("cli:demo results"));
  ctx.progress.finish();
}

void generate_plans(DemoContext& ctx) {
  plans::Service svc(ctx.places);
  plans::Service::install(ctx.db);
  // Yearly activities per 1.000 people, by indicator (meetings: ~173.000 a year nationally).
  const std::pair<const char*, double> per_thousand[] = {
      {"kind.conference", 0.35},   {"kind.customer_conference", 0.12},
      {"kind.dialogue", 0.15},     {"kind.consultation", 0.45},
      {"kind.small_group", 0.75},  {"kind.campaign_launch", 0.006},
      {"kind.online_forum", 0.01}, {"kind.loudspeaker", 10.5},
      {"kind.press_item", 0.18},   {"kind.online_post", 8.9},
      {"meetings", 1.82},          {"meeting_attendees", 25.0}};
  std::vector<plans::Target> ts;
  std::uniform_real_distribution<double> ambition(0.97, 1.08);
  for (int y = ctx.opt.from.year; y <= ctx.opt.to.year; ++y) {
    // Targets are set at the start of a year, on the units of that day.
    Date jan{y, 1, 1};
    Era era = era_at(ctx, jan);
    National dec = national(ctx, era.provinces, y, 12);
    auto comp = share_out(era.shares.by_measure["bhxh_compulsory"], dec.compulsory);
    auto vol = share_out(era.shares.by_measure["bhxh_voluntary"], dec.voluntary);
    auto bhyt = share_out(era.shares.by_measure["bhyt"], dec.bhyt);
    auto pop = share_out(era.shares.by_measure["population"], dec.population);
    auto lab = share_out(era.shares.by_measure["labour_force"], dec.labour);
    auto bhtn = share_out(era.shares.by_measure["bhtn"], dec.bhtn);
    for (size_t i = 0; i < era.provinces.size(); ++i) {
      const auto& u = *era.provinces[i];
      auto add = [&](const std::string& ind, double v) {
        ts.push_back({0, u.id, y, ind, "", std::round(v * 100) / 100, ""});
      };
      double a = ambition(ctx.rng);
      double coverage = 100.0 * static_cast<double>(bhyt[i]) / static_cast<double>(pop[i]);
      if (u.id == kDakLak && y == 2022)
        add("bhyt_coverage", 91.75);
      else
        add("bhyt_coverage", std::min(99.5, coverage - 0.4 + 0.8 * (a - 0.97) / 0.11));
      add("bhxh_labour_share",
          100.0 * static_cast<double>(comp[i] + vol[i]) / static_cast<double>(lab[i]) * a);
      add("bhxh_voluntary", std::round(static_cast<double>(vol[i]) * a));
      add("bhtn", std::round(static_cast<double>(bhtn[i]) * a));
      double people = ctx.population(u, y) / 1000.0 * ctx.opt.scale;
      for (const auto& [ind, rate] : per_thousand) add(ind, std::round(people * rate * a));
    }
    ts.push_back({0, "VN", y, "bhyt_coverage", "", 100.0 * dec.bhyt / dec.population + 0.1, ""});
  }
  svc.put_targets(ctx.db, std::move(ts), audit::cli_actor("cli:demo targets"));
}

}  // namespace caunoi::demo
