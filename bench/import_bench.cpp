// bench/import_bench.cpp — importing 1,000,000 CSV rows of activities, against SQLite's own
// `.import` of the very same file into a bare table, in the same run.
//
// Run:  build/import_bench            (built by `make build`; `make bench` runs every benchmark)
//       build/import_bench 200000 1   (fewer rows, one round, for a quick look)
//       scripts/pg-temp.sh -- build/import_bench 200000 3 --engine postgresql
//                                     (PostgreSQL: caunoi's import against psql's \copy)
//
// caunoi's side is the whole import path staff use (activities/import.h), with a progress
// callback as the CLI and the API set one: CSV parsing, heading recognition, units resolved by
// code for the row's date, kinds by Vietnamese label, every rule of validate.h, derived external
// references for idempotence, and inserts into the indexed activities table in one transaction,
// sorted by place and date (pending_rows.h), committed with SQLite's checkpoint. The baseline is
// the sqlite3 shell (`.import --csv`) of the same bytes into a table with the same columns and no
// indexes and no checks: the floor of what getting these rows into SQLite costs. The goal is ≥
// 200,000 validated rows/s; the ratio shows what validation and indexing cost on top of a bare
// load. This VM is noisy (one round in four or five runs up to 25 % slow, for the baseline too),
// so each of three rounds runs both into fresh databases and the medians are compared.
//
// Each round prints its phases (counting lines for the progress total, checking, sorting and
// writing by one statement, commit with the checkpoint), then SQLite's own floor for write and
// commit: the same rows copied by one INSERT … SELECT into a fresh database with the same schema.
// Where the time goes, what was tried and not kept, and the history of runs are in README's
// benchmark table (measured figures belong there, with their date, not here).
//
// Memory: each round also prints the import's peak resident memory (VmHWM, reset before the
// import through /proc/self/clear_refs) beside the sqlite3 shell's (its ru_maxrss from wait4,
// run by a Spawner, proc.h), and how much the import added to what the process held before
// (the file itself, the gazetteer, the reference lists).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "activities/import.h"
#include "activities/reference.h"
#include "activities/repository.h"
#include "activities/row_columns.h"
#include "api/router.h"
#include "app/bootstrap.h"
#include "app/runtime.h"
#include "places/gazetteer.h"
#include "proc.h"
#include "store/open.h"
#include "store/store.h"
#include "tabular/csv_writer.h"

using namespace caunoi;
using namespace caunoi::bench;
namespace fs = std::filesystem;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Rows as a province office would send them: 2022 dates, old commune codes, kinds by label.
std::string make_csv(const places::Gazetteer& g, long rows) {
  std::vector<std::string> communes;
  for (size_t i = 0; i < g.size(); ++i) {
    const auto& u = g.at(static_cast<uint32_t>(i));
    if (u.era == places::Era::old && u.level == places::Level::commune) communes.push_back(u.code);
  }
  std::mt19937_64 rng(42);
  tabular::CsvWriter w(',');
  w.row({"Ngày", "Đơn vị", "Loại hoạt động", "Kênh", "Đối tượng", "Ngôn ngữ", "Số cuộc",
         "Số lượt người tham dự", "Số lượt phát thanh", "Số tin, bài đăng tải", "Ghi chú"});
  const char* groups[] = {"Hộ nông, lâm, ngư, diêm nghiệp", "Học sinh, sinh viên",
                          "Người sử dụng lao động", "Người cận nghèo"};
  for (long i = 0; i < rows; ++i) {
    Date d = Date{2022, 1, 1}.add_days(static_cast<long>(rng() % 300));
    w.field(d.vi()).field(communes[rng() % communes.size()]);
    std::string n1 = std::to_string(1 + rng() % 3), n2 = std::to_string(10 + rng() % 90);
    switch (i % 4) {
      case 0:
        w.field("Hội nghị truyền thông").field("").field(groups[rng() % 4]).field("Tiếng Việt");
        w.field(n1).field(n2).field("").field("").field("");
        break;
      case 1:
        w.field("Truyền thông nhóm nhỏ").field("").field(groups[rng() % 4]).field("Tiếng Mông");
        w.field(n1).field(n2).field("").field("").field("");
        break;
      case 2:
        w.field("Phát thanh loa truyền thanh cơ sở").field("").field("").field("");
        w.field("").field("").field(n2).field("").field("");
        break;
      default:
        w.field("Đăng tải trên cổng TTĐT, mạng xã hội").field("Zalo").field("").field("");
        w.field("").field("").field("").field(n1).field("Tin bài số " + std::to_string(i));
    }
    w.end_row();
  }
  return w.take();
}

struct Round {
  double base_s = 0, ours_s = 0;
  long base_peak_kb = 0, ours_peak_kb = 0, ours_before_kb = 0;
  double counted_s = 0, checked_s = 0, written_s = 0;  // since the import started
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// `--engine postgresql`: the same file into PostgreSQL, through the same import (its rows by
// COPY, store/postgres.cpp), against psql's `\copy` of the same bytes into a bare table of text
// columns, each round into fresh databases on the server of `scripts/pg-temp.sh --`
// (CAUNOI_TEST_PG_URL). Preparing caunoi's database (schema, units) is not timed. PostgreSQL's
// own floor for the write is printed beside: psql's `\copy` of the rows caunoi stored (read back
// in their order) into a fresh database of caunoi's schema, indexes included, no checks.
int run_postgres(Spawner& spawner, const app::Paths& paths, const places::Gazetteer& g,
                 const activities::Reference& ref, const std::string& csv, long rows, int rounds,
                 const fs::path& dir) {
  const char* url = std::getenv("CAUNOI_TEST_PG_URL");
  if (!url) {
    std::fprintf(stderr,
                 "--engine postgresql: run under scripts/pg-temp.sh -- (CAUNOI_TEST_PG_URL)\n");
    return 2;
  }
  const std::string base(url), server = base.substr(0, base.rfind('/') + 1);
  auto admin = store::open(base);
  fs::path plain = dir / "rows-nobom.csv";
  std::ofstream(plain, std::ios::binary) << csv.substr(3);
  activities::ImportOptions opt;
  opt.filename = "rows.csv";
  opt.today = Date{2026, 1, 1};
  std::vector<double> base_v, ours_v, floor_v;
  for (int r = 0; r < rounds; ++r) {
    const std::string bare = "bench_bare_" + std::to_string(r),
                      ours = "bench_caunoi_" + std::to_string(r);
    for (const auto& name : {bare, ours}) {
      admin->exec_script("DROP DATABASE IF EXISTS " + name);
      admin->exec_script("CREATE DATABASE " + name);
    }
    std::string columns;
    for (int i = 1; i <= 11; ++i) columns += (i > 1 ? ", c" : "c") + std::to_string(i) + " text";
    const std::string cmd = "psql -X -q -v ON_ERROR_STOP=1 '" + server + bare +
                            "' -c 'CREATE TABLE bare (" + columns + ")' -c \"\\copy bare FROM '" +
                            plain.string() + "' WITH (FORMAT csv, HEADER true)\" > /dev/null";
    auto t0 = std::chrono::steady_clock::now();
    auto [rc, peak] = spawner.run(cmd);
    base_v.push_back(seconds_since(t0));
    if (rc != 0) {
      std::fprintf(stderr, "psql \\copy failed (%d)\n", rc);
      return 1;
    }
    auto db = app::open_database(server + ours, paths);
    // Where the time goes: checking; the rows streamed by COPY into the table (progress reaches
    // the total when the last row is sent); then the server's rest of the COPY, and commit.
    double checked_s = 0, written_s = 0;
    opt.progress = [&](activities::ImportPhase phase, long n, long total) {
      if (phase == activities::ImportPhase::writing && n == 0) checked_s = seconds_since(t0);
      if (phase == activities::ImportPhase::writing && n == total) written_s = seconds_since(t0);
    };
    t0 = std::chrono::steady_clock::now();
    auto rep = activities::import_activities(*db, ref, g, csv, opt);
    ours_v.push_back(seconds_since(t0));
    std::printf(
        "         caunoi = checking %.2f + rows sent by COPY %.2f + the server's rest of the "
        "COPY and commit %.2f\n",
        checked_s, written_s - checked_s, ours_v.back() - written_s);
    if (!rep.ok() || rep.inserted != rows) {
      std::fprintf(stderr, "import failed: %ld errors\n", rep.error_count);
      return 1;
    }
    db.reset();
    // The floor: the stored rows, as COPY text, into the same schema.
    const std::string floor = "bench_floor_" + std::to_string(r);
    admin->exec_script("DROP DATABASE IF EXISTS " + floor);
    admin->exec_script("CREATE DATABASE " + floor);
    app::open_database(server + floor, paths).reset();
    std::string cols;
    for (const auto& c : activities::repo::insert_columns()) cols += (cols.empty() ? "" : ",") + c;
    const fs::path stored = dir / "stored.copy";
    const std::string out = "psql -X -q -v ON_ERROR_STOP=1 '" + server + ours +
                            "' -c \"\\copy (SELECT " + cols + " FROM activities ORDER BY id) TO '" +
                            stored.string() + "'\"";
    if (std::system(out.c_str()) != 0) {
      std::fprintf(stderr, "psql \\copy out failed\n");
      return 1;
    }
    const std::string in = "psql -X -q -v ON_ERROR_STOP=1 '" + server + floor +
                           "' -c \"\\copy activities(" + cols + ") FROM '" + stored.string() +
                           "'\" > /dev/null";
    t0 = std::chrono::steady_clock::now();
    auto [frc, fpeak] = spawner.run(in);
    floor_v.push_back(seconds_since(t0));
    if (frc != 0) {
      std::fprintf(stderr, "psql \\copy into the schema failed (%d)\n", frc);
      return 1;
    }
    std::printf(
        "round %d: psql \\copy %.2f s (peak %.0f MB); caunoi %.2f s; floor (psql \\copy of the "
        "stored rows into caunoi's schema) %.2f s\n",
        r + 1, base_v.back(), mb(peak), ours_v.back(), floor_v.back());
    std::fflush(stdout);
    fs::remove(stored);
    for (const auto& name : {bare, ours, floor}) admin->exec_script("DROP DATABASE " + name);
  }
  const double n = static_cast<double>(rows), ours = n / median(ours_v), bare = n / median(base_v);
  std::printf("\n%-46s %10s %14s\n", "PostgreSQL, median of the rounds", "seconds", "rows/s");
  std::printf("%-46s %10.2f %14.0f\n", "psql \\copy, bare table (baseline)", median(base_v), bare);
  std::printf("%-46s %10.2f %14.0f\n", "caunoi import (validated, indexed, COPY)", median(ours_v),
              ours);
  std::printf("%-46s %10.2f %14.0f\n", "floor: psql \\copy into caunoi's schema", median(floor_v),
              n / median(floor_v));
  std::printf("\nratio caunoi / baseline: %.2f   goal >= 0.5: %s\n", ours / bare,
              ours / bare >= 0.5 ? "met" : "NOT met");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Spawner spawner;  // first, while this process is small
  // [rows [rounds]] [--engine sqlite|postgresql]
  std::vector<std::string> args(argv + 1, argv + argc);
  bool postgres = false;
  if (auto it = std::find(args.begin(), args.end(), "--engine"); it != args.end()) {
    postgres = it + 1 != args.end() && it[1] == "postgresql";
    args.erase(it, std::min(it + 2, args.end()));
  }
  long rows = !args.empty() ? std::atol(args[0].c_str()) : 1000000;
  int rounds = args.size() > 1 ? std::max(1, std::atoi(args[1].c_str())) : 3;
  fs::path dir = fs::temp_directory_path() / ("caunoi-import-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  auto paths = app::locate();
  if (!fs::exists(paths.data_dir / "admin")) paths.data_dir = fs::path(CAUNOI_SOURCE_DIR) / "data";
  const fs::path db_path = dir / "caunoi.db";

  auto db = app::open_database(db_path.string(), paths);
  auto g = places::Gazetteer::load(*db);
  auto ref = activities::Reference::load(*db);
  std::printf("Generating %ld CSV rows...\n", rows);
  std::string csv = make_csv(g, rows);
  std::printf("File: %.1f MB; %d rounds, each the baseline then caunoi into fresh databases\n",
              static_cast<double>(csv.size()) / 1e6, rounds);
  if (postgres) {
    db.reset();
    int rc = run_postgres(spawner, paths, g, *ref, csv, rows, rounds, dir);
    fs::remove_all(dir);
    return rc;
  }

  // Baseline: the sqlite3 shell's .import into a bare table (the heading row names the columns;
  // the BOM is skipped by stripping it from a copy, which .import would otherwise keep).
  fs::path bare = dir / "bare.db", plain = dir / "rows-nobom.csv";
  std::ofstream(plain, std::ios::binary) << csv.substr(3);
  const std::string cmd = "sqlite3 " + bare.string() +
                          " 'PRAGMA journal_mode=WAL' 'PRAGMA synchronous=NORMAL' '.import --csv " +
                          plain.string() + " bare' > /dev/null";

  // With a progress callback, as the CLI and the API run it; the callback notes when each
  // phase starts.
  activities::ImportOptions opt;
  opt.filename = "rows.csv";
  opt.today = Date{2026, 1, 1};
  std::vector<Round> done;
  Round* timing = nullptr;
  auto t0 = std::chrono::steady_clock::now();
  opt.progress = [&](activities::ImportPhase phase, long n, long total) {
    if (!timing) return;
    if (phase == activities::ImportPhase::checking && n == 0 && timing->counted_s == 0) {
      timing->counted_s = seconds_since(t0);
    } else if (phase == activities::ImportPhase::writing && n == 0) {
      timing->checked_s = seconds_since(t0);
    } else if (phase == activities::ImportPhase::writing && n == total) {
      timing->written_s = seconds_since(t0);
    }
  };
  for (int r = 0; r < rounds; ++r) {
    Round round;
    fs::remove(bare);
    t0 = std::chrono::steady_clock::now();
    auto [rc, base_peak_kb] = spawner.run(cmd);
    round.base_s = seconds_since(t0);
    round.base_peak_kb = base_peak_kb;
    if (rc != 0) {
      std::fprintf(stderr, "sqlite3 shell failed (%d); is the sqlite3 package installed?\n", rc);
      return 1;
    }
    if (r > 0) {  // a fresh database, as in the first round
      db.reset();
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db_path.string() + suffix);
      db = app::open_database(db_path.string(), paths);
    }
    timing = &round;
    const bool peak_reset = reset_peak();
    round.ours_before_kb = status_kb("VmRSS");
    t0 = std::chrono::steady_clock::now();
    auto rep = activities::import_activities(*db, *ref, g, csv, opt);
    round.ours_s = seconds_since(t0);
    timing = nullptr;
    round.ours_peak_kb = peak_reset ? status_kb("VmHWM") : -1;
    if (!rep.ok() || rep.inserted != rows) {
      std::fprintf(stderr, "import failed: %ld errors, first: row %ld %s: %s\n", rep.error_count,
                   rep.errors.empty() ? 0 : rep.errors[0].row,
                   rep.errors.empty() ? "" : rep.errors[0].column.c_str(),
                   rep.errors.empty() ? "" : rep.errors[0].message.c_str());
      return 1;
    }
    std::printf(
        "round %d: baseline %.2f s; caunoi %.2f s = counting rows %.2f + checking %.2f + sorting "
        "and writing %.2f + commit %.2f\n",
        r + 1, round.base_s, round.ours_s, round.counted_s, round.checked_s - round.counted_s,
        round.written_s - round.checked_s, round.ours_s - round.written_s);
    std::printf(
        "         peak memory: baseline %.0f MB; caunoi %.0f MB, %.0f MB above the %.0f MB held "
        "before (the %.0f MB file among them)\n",
        mb(round.base_peak_kb), mb(round.ours_peak_kb),
        mb(round.ours_peak_kb - round.ours_before_kb), mb(round.ours_before_kb),
        static_cast<double>(csv.size()) / (1 << 20));
    std::fflush(stdout);
    done.push_back(round);
  }

  // A second import of the same file: every row recognised and skipped.
  t0 = std::chrono::steady_clock::now();
  auto again = activities::import_activities(*db, *ref, g, csv, opt);
  double again_s = seconds_since(t0);

  // SQLite's own floor for the writing phase: the very rows just imported (already sorted by
  // place and date, so in id order), copied by SQL alone into a fresh database with the same
  // schema and indexes — no parsing, no checking, no binding.
  double floor_s = 0;
  {
    auto fresh = app::open_database((dir / "floor.db").string(), paths);
    fresh->exec_script("PRAGMA cache_size = -32768; ATTACH '" + db_path.string() + "' AS src");
    const char* cols =
        "reporting_unit, place, date_from, date_to, kind, channel, groups, topics, languages, "
        "partners, figures, title, note, external_ref, created_by, created_at, updated_by, "
        "updated_at";
    t0 = std::chrono::steady_clock::now();
    {
      store::Transaction tx(*fresh);
      fresh->exec_script(std::string("INSERT INTO main.activities(") + cols + ") SELECT " + cols +
                         " FROM src.activities ORDER BY id");
      tx.commit();
    }
    floor_s = seconds_since(t0);
  }

  // The same file through POST /api/v1/imports, as the server takes it (the auth guard off: it
  // is not what is measured): the body as received, the queued job, the analytics engine that
  // hears of the rows after commit. Peak above what the process held before, the received body
  // included.
  long api_peak_kb = -1, api_before_kb = 0;
  std::string api_state;
  {
    app::RuntimeOptions ropt;
    ropt.enforce_auth = false;
    app::Runtime rt((dir / "api.db").string(), paths, 3, ropt);
    const bool peak_reset = reset_peak();
    api_before_kb = status_kb("VmRSS");
    api::Request r;
    r.method = "POST";
    r.path = "/api/v1/imports";
    r.query["filename"] = "rows.csv";
    r.headers["content-type"] = "text/csv";
    r.headers["x-user"] = "bench";
    r.body = csv;
    auto started = rt.router().dispatch(r);
    int64_t id = boost::json::parse(started.body).at("id").as_int64();
    for (;;) {
      auto job = rt.activities().job(id);
      if (job && (job->state == "done" || job->state == "failed")) {
        api_state = job->state;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    api_peak_kb = peak_reset ? status_kb("VmHWM") : -1;
  }

  std::vector<double> base_v, ours_v, base_mem, ours_mem, added_mem;
  for (const Round& r : done) {
    base_v.push_back(r.base_s);
    ours_v.push_back(r.ours_s);
    base_mem.push_back(mb(r.base_peak_kb));
    ours_mem.push_back(mb(r.ours_peak_kb));
    added_mem.push_back(mb(r.ours_peak_kb - r.ours_before_kb));
  }
  const double n = static_cast<double>(rows);
  auto line = [&](const char* what, const std::vector<double>& v) {
    auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    std::printf("%-46s %10.2f %14.0f  (rounds: %.0f-%.0f)\n", what, median(v), n / median(v),
                n / *hi, n / *lo);
  };
  std::printf("\n%-46s %10s %14s\n", "median of the rounds", "seconds", "rows/s");
  line("sqlite3 .import, bare table (baseline)", base_v);
  line("caunoi import (validated, indexed)", ours_v);
  std::printf("%-46s %10.2f %14.0f  (%lld skipped)\n", "caunoi re-import of the same file", again_s,
              n / again_s, static_cast<long long>(again.skipped));
  std::printf("%-46s %10.2f %14.0f  (SQL only: the floor of the write)\n",
              "SQLite copy of the rows, same indexes, sorted", floor_s, n / floor_s);
  std::printf("\n%-46s %10s\n", "peak resident memory (median)", "MB");
  std::printf("%-46s %10.0f\n", "sqlite3 .import (the whole process)", median(base_mem));
  std::printf("%-46s %10.0f  (%.0f MB above what it held before; file %.0f MB)\n",
              "caunoi import (the whole process)", median(ours_mem), median(added_mem),
              static_cast<double>(csv.size()) / (1 << 20));
  std::printf(
      "%-46s %10.0f  (%.0f MB above what it held before, the received body included; "
      "%s)\n",
      "POST /api/v1/imports (the whole process)", mb(api_peak_kb), mb(api_peak_kb - api_before_kb),
      api_state.c_str());
  const double ours = n / median(ours_v), base = n / median(base_v);
  std::printf("\nratio caunoi / baseline: %.2f   goal >= 200000 validated rows/s: %s\n",
              ours / base, ours >= 200000 ? "met" : "NOT met");
  db.reset();
  if (std::getenv("CAUNOI_BENCH_KEEP")) {
    std::printf("kept: %s\n", dir.c_str());
  } else {
    fs::remove_all(dir);
  }
  return 0;
}
