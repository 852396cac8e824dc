// demo/demo.h — the deterministic demo data generator.
//
// Same seed, same data: every random choice comes from DemoContext::rng, seeded once, and the
// parts run in a fixed order. Units are sized by population (data/demo/population_2022.csv,
// split over communes by a seeded weight), so a big province gets more conferences and more
// participants than a small one. Before 1 July 2025 data is placed on old units, from then on
// current units, as real reports would be. Each part writes through its own domain service, over
// the same store interface the application uses.
#pragma once

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "common/date.h"
#include "places/gazetteer.h"
#include "store/store.h"

namespace caunoi::demo {

struct DemoOptions {
  uint64_t seed = 20221107;  // the date of dispatch 3371
  double scale = 1.0;        // < 1 for a smaller data set (tests); figures scale, units do not
  Date from{2021, 1, 1};
  Date to = Date::today();
  std::filesystem::path data_dir;
};

// Progress of long work on stderr: "\r  hoạt động truyền thông  45% (123.456/274.000)".
class Progress {
 public:
  explicit Progress(bool enabled = true) : enabled_(enabled) {}
  void start(std::string label, int64_t total);
  void advance(int64_t n = 1);
  void finish();

 private:
  bool enabled_;
  std::string label_;
  int64_t total_ = 0, done_ = 0;
  int last_pct_ = -1;
};

struct DemoContext {
  store::Connection& db;
  const places::Gazetteer& places;
  DemoOptions opt;
  std::mt19937_64 rng;
  Progress& progress;
  std::vector<double> population_2022;  // by Unit::index, people, for every unit of both eras

  // Population of a unit in a given year (about +0.9% a year from 2022).
  double population(const places::Unit& u, int year) const;
  // Working-age labour force (about 50.5% of the population nationally, as the seeds imply).
  double labour_force(const places::Unit& u, int year) const;
  // Units of the era in force on `d` at a level: old provinces before 2025-07-01, current after.
  std::vector<const places::Unit*> units_at(Date d, places::Level level) const;
  double uniform(double a, double b) { return std::uniform_real_distribution<double>(a, b)(rng); }
  int64_t poisson(double mean);
};

// The parts (each in its own file).
void generate_activities(DemoContext& ctx);     // demo/activities_gen.cpp
void generate_participation(DemoContext& ctx);  // demo/participation_gen.cpp
void generate_plans(DemoContext& ctx);          // demo/participation_gen.cpp
void generate_approvals(DemoContext& ctx);      // demo/approvals_gen.cpp

// Runs every part in order. The database must be prepared (app::prepare_database).
void generate(store::Connection& db, const places::Gazetteer& g, const DemoOptions& opt,
              Progress& progress);

}  // namespace caunoi::demo
