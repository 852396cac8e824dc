// bench/analytics_bench.cpp — the analytics cube against SQLite GROUP BY and DuckDB on the same
// rows, in the same run.
//
// Generates N activity facts (default 5,000,000; seeded, so every run and every pass sees the same
// data) over the communes of both eras from 2021 to 2026 and loads them into the analytics engine
// and into an in-memory SQLite table (one row per fact and figure, with the unit already rolled up
// to today's commune and province, and covering indexes). The same rows go as CSV to DuckDB, the
// baseline a data engineer would reach for: bench/duckdb_baseline.mjs (@duckdb/node-api, a
// devDependency of web/) loads them into an in-memory DuckDB in another process and runs the very
// SQL the SQLite side runs. The three answer the same 20 dashboard queries, each warmed and timed
// alike: one untimed pass over the queries, then the same rounds (DuckDB timed inside node, so
// its process start and load are not counted against it). The answers are checked equal; printed
// are p50/p99 latency of each side, the ratios, and memory as measured: the resident memory the
// cube and SQLite added to this process (VmRSS, VmHWM), DuckDB's process peak (its VmHWM, and
// ru_maxrss from wait4). Without node or web/node_modules DuckDB is skipped, and says so.
//
// Run: build/analytics_bench [facts] [rounds]   (CAUNOI_DATA_DIR or the source tree's data/)
#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>
#include <boost/json.hpp>

#include "analytics/engine.h"
#include "analytics/month.h"
#include "app/bootstrap.h"
#include "places/gazetteer.h"
#include "proc.h"
#include "store/store.h"

using namespace caunoi;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kKinds = {
    "conference",  "customer_conference", "dialogue",     "consultation",
    "small_group", "campaign_launch",     "online_forum", "loudspeaker",
    "press_item",  "online_post",         "printed",      "contest",
    "hotline"};
const std::vector<double> kKindWeight = {6, 2, 2, 8, 12, 0.2, 0.3, 30, 3, 30, 1, 0.1, 5};
const std::vector<std::string> kGroups = {"party_government", "employers",     "compulsory_workers",
                                          "voluntary",        "students",      "ethnic_minorities",
                                          "farm_households",  "general_public"};
const std::vector<std::string> kTopics = {"voluntary_si",  "household_hi",  "student_hi",
                                          "employer_duty", "lump_sum_risk", "digital_services"};
const std::vector<std::string> kLanguages = {"vi", "vi", "vi", "vi", "hmong", "thai", "khmer"};
const std::vector<std::string> kChannels = {"portal", "facebook", "zalo", "youtube", "tiktok"};
const std::vector<std::string> kPressChannels = {"print_press", "online_press", "radio", "tv"};
const std::vector<std::string> kMeetingKinds = {"conference", "customer_conference", "dialogue",
                                                "consultation", "small_group"};

struct Gen {
  std::mt19937_64 rng{20221107};
  template <class T>
  const T& pick(const std::vector<T>& v) {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
  }
  int64_t between(int64_t a, int64_t b) {
    return std::uniform_int_distribution<int64_t>(a, b)(rng);
  }
};

std::vector<std::pair<std::string, int64_t>> figures_of(const std::string& kind, Gen& g) {
  if (kind == "loudspeaker") return {{"broadcasts", g.between(1, 30)}};
  if (kind == "press_item") return {{"items", 1}};
  if (kind == "online_post")
    return {
        {"posts", g.between(1, 3)}, {"views", g.between(10, 5000)}, {"shares", g.between(0, 50)}};
  if (kind == "printed") return {{"items", 1}, {"copies", g.between(100, 5000)}};
  if (kind == "hotline") return {{"calls", g.between(1, 40)}, {"questions", g.between(1, 40)}};
  if (kind == "online_forum")
    return {{"sessions", 1}, {"questions", g.between(5, 60)}, {"views", g.between(100, 20000)}};
  if (kind == "campaign_launch" || kind == "contest")
    return {{"events", 1}, {"participants", g.between(50, 500)}};
  return {{"events", 1}, {"attendees", g.between(8, 150)}};
}

double pct(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i =
      std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

// Facts in generation order: a fresh source gives the same facts again, so the cube and SQLite
// are loaded in separate passes and each one's memory is measured on its own.
class Facts {
 public:
  Facts(const std::vector<const places::Unit*>& old_communes,
        const std::vector<const places::Unit*>& new_communes)
      : old_(old_communes), new_(new_communes), kind_(kKindWeight.begin(), kKindWeight.end()) {}
  activities::ActivityFact next(long i) {
    static const Date first{2021, 1, 1};
    static const long days = Date{2026, 10, 31}.days() - first.days();
    activities::ActivityFact f;
    f.id = i + 1;
    f.date = first.add_days(gen_.between(0, days));
    const auto& pool = f.date < places::kReformDate ? old_ : new_;
    f.unit_id = gen_.pick(pool)->id;
    f.kind = kKinds[kind_(gen_.rng)];
    f.figures = figures_of(f.kind, gen_);
    f.groups = {gen_.pick(kGroups)};
    f.topics = {gen_.pick(kTopics)};
    f.languages = {gen_.pick(kLanguages)};
    if (f.kind == "online_post") f.channel = gen_.pick(kChannels);
    if (f.kind == "press_item") f.channel = gen_.pick(kPressChannels);
    return f;
  }

 private:
  const std::vector<const places::Unit*>& old_;
  const std::vector<const places::Unit*>& new_;
  Gen gen_;
  std::discrete_distribution<size_t> kind_;
};

// Comma-separated lines without quoting (no value here holds a comma), buffered.
class CsvOut {
 public:
  explicit CsvOut(const fs::path& p) : f_(std::fopen(p.c_str(), "wb")) {
    if (!f_) throw std::runtime_error("cannot write " + p.string());
  }
  ~CsvOut() {
    flush();
    std::fclose(f_);
  }
  CsvOut(const CsvOut&) = delete;
  CsvOut& operator=(const CsvOut&) = delete;
  template <class... T>
  void line(const T&... fields) {
    bool first = true;
    ((first ? void(first = false) : buf_.push_back(','), put(fields)), ...);
    buf_.push_back('\n');
    ++lines_;
    if (buf_.size() > (1 << 20)) flush();
  }
  long lines() const { return lines_; }

 private:
  void put(const std::string& s) { buf_.append(s); }
  void put(const char* s) { buf_.append(s); }
  void put(int64_t v) {
    char b[24];
    buf_.append(b, std::to_chars(b, b + sizeof b, v).ptr);
  }
  void put(int v) { put(static_cast<int64_t>(v)); }
  void flush() {
    std::fwrite(buf_.data(), 1, buf_.size(), f_);
    buf_.clear();
  }
  std::FILE* f_;
  std::string buf_;
  long lines_ = 0;
};

// One dashboard query, as the cube is asked it and as SQL (the same text for SQLite and DuckDB).
struct Case {
  std::string name;
  analytics::Query query;
  std::string total_sql;
  std::string group_sql;          // empty: the total alone
  std::vector<std::string> keys;  // the cube's rows in its order, to weigh each SQL row alike
};

// An answer from SQL: the total and the grouped sums by key.
struct SqlAnswer {
  double total = 0;
  std::map<std::string, double> by;
};

// A checksum of an answer: the total plus each row weighted by its place, so that a wrong sum or
// a sum under the wrong key shows.
double checksum(const analytics::Result& r) {
  double s = *r.total.value;
  for (size_t i = 0; i < r.rows.size(); ++i)
    s += *r.rows[i].figure.value * static_cast<double>(i % 7 + 1);
  return s;
}
double checksum(const SqlAnswer& a, const std::vector<std::string>& keys) {
  double s = a.total;
  for (size_t i = 0; i < keys.size(); ++i) {
    auto it = a.by.find(keys[i]);
    s += (it == a.by.end() ? 0 : it->second) * static_cast<double>(i % 7 + 1);
  }
  return s;
}

// One untimed pass over every query, then `rounds` timed ones; milliseconds per query and round.
template <class Run>
std::vector<std::vector<double>> time_rounds(size_t queries, int rounds, Run&& run) {
  for (size_t i = 0; i < queries; ++i) run(i);
  std::vector<std::vector<double>> t(queries);
  for (int r = 0; r < rounds; ++r)
    for (size_t i = 0; i < queries; ++i) {
      auto t0 = Clock::now();
      run(i);
      t[i].push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
  return t;
}

std::vector<double> flat(const std::vector<std::vector<double>>& t) {
  std::vector<double> all;
  for (const auto& v : t) all.insert(all.end(), v.begin(), v.end());
  return all;
}

// `s` padded with spaces to `width` characters, after it or (`right`) before it: printf's widths
// count bytes, and the names here are Vietnamese.
std::string padded(const std::string& s, size_t width, bool right = false) {
  size_t chars = 0;
  for (unsigned char c : s) chars += (c & 0xC0) != 0x80;
  const std::string fill(width > chars ? width - chars : 0, ' ');
  return right ? fill + s : s + fill;
}

std::string quoted(const fs::path& p) {
  return "'" + p.string() + "'";
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// DuckDB's side, bench/duckdb_baseline.mjs under node, run by the Spawner.
struct DuckDb {
  bool ok = false;
  std::string why_not, version;
  int threads = 0;
  double load_ms = 0;
  long f_rows = 0, d_rows = 0, peak_kb = 0, node_kb = 0, maxrss_kb = 0;
  std::vector<SqlAnswer> answers;
  std::vector<std::vector<double>> ms;
};

// The script alone prints DuckDB's version; with the job folder it runs queries.json there.
std::string node_command(const fs::path& dir, bool job, const fs::path& out) {
  const fs::path src(CAUNOI_SOURCE_DIR);
  return "node " + quoted(src / "bench" / "duckdb_baseline.mjs") + " " + quoted(src / "web") +
         (job ? " " + quoted(dir) : "") + " > " + quoted(out);
}

DuckDb duckdb_version(bench::Spawner& spawner, const fs::path& dir) {
  DuckDb d;
  const int rc = spawner.run(node_command(dir, false, dir / "version.json")).first;
  if (rc == 127)
    d.why_not = "không tìm thấy node";
  else if (rc == 3)
    d.why_not = "thiếu @duckdb/node-api (cd web && npm install)";
  else if (rc != 0)
    d.why_not = "node thoát với mã " + std::to_string(rc);
  if (rc != 0) return d;
  auto v = boost::json::parse(slurp(dir / "version.json")).as_object();
  d.version = v.at("version").as_string().c_str();
  d.threads = static_cast<int>(v.at("threads").to_number<int64_t>());
  d.ok = true;
  return d;
}

void duckdb_run(bench::Spawner& spawner, const fs::path& dir, const std::vector<Case>& cases,
                int rounds, DuckDb& d) {
  boost::json::array qs;
  for (const auto& c : cases) {
    boost::json::object q;
    q["total"] = c.total_sql;
    q["group"] =
        c.group_sql.empty() ? boost::json::value(nullptr) : boost::json::value(c.group_sql);
    qs.push_back(std::move(q));
  }
  std::ofstream(dir / "queries.json")
      << boost::json::serialize(boost::json::object{{"rounds", rounds}, {"queries", qs}});
  auto [rc, kb] = spawner.run(node_command(dir, true, dir / "duckdb.json"));
  d.maxrss_kb = kb;
  if (rc != 0) {
    d.ok = false;
    d.why_not = "node thoát với mã " + std::to_string(rc);
    return;
  }
  auto out = boost::json::parse(slurp(dir / "duckdb.json")).as_object();
  d.load_ms = out.at("load_ms").to_number<double>();
  d.f_rows = static_cast<long>(out.at("f_rows").to_number<int64_t>());
  d.d_rows = static_cast<long>(out.at("d_rows").to_number<int64_t>());
  d.peak_kb = static_cast<long>(out.at("peak_kb").to_number<int64_t>());
  d.node_kb = static_cast<long>(out.at("rss_at_start_kb").to_number<int64_t>());
  for (const auto& qv : out.at("queries").as_array()) {
    const auto& q = qv.as_object();
    SqlAnswer a;
    a.total = q.at("total").to_number<double>();
    for (const auto& r : q.at("rows").as_array())
      a.by[r.as_array()[0].as_string().c_str()] = r.as_array()[1].to_number<double>();
    d.answers.push_back(std::move(a));
    std::vector<double> ms;
    for (const auto& t : q.at("ms").as_array()) ms.push_back(t.to_number<double>());
    d.ms.push_back(std::move(ms));
  }
}

}  // namespace

int main(int argc, char** argv) {
  bench::Spawner spawner;  // first, while this process is small (proc.h)
  long n = argc > 1 ? std::atol(argv[1]) : 5'000'000;
  int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  app::Paths paths;
  const char* env = std::getenv("CAUNOI_DATA_DIR");
  paths.data_dir = env && *env ? fs::path(env) : fs::path(CAUNOI_SOURCE_DIR) / "data";
  const fs::path dir =
      fs::temp_directory_path() / ("caunoi-analytics-bench-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  places::Gazetteer g = [&] {
    auto c = app::open_database((dir / "units.db").string(), paths);
    return places::Gazetteer::load(*c);
  }();
  fs::remove(dir / "units.db");

  std::vector<const places::Unit*> old_communes, new_communes;
  for (size_t i = 0; i < g.size(); ++i) {
    const auto& u = g.at(static_cast<uint32_t>(i));
    if (u.level != places::Level::commune) continue;
    (u.era == places::Era::old ? old_communes : new_communes).push_back(&u);
  }
  // Roll-up targets of every unit, as both SQL sides see them: today's commune and province.
  std::vector<int> cur_commune(g.size(), -1), cur_province(g.size(), -1);
  for (const auto* v : {&old_communes, &new_communes})
    for (const auto* u : *v) {
      cur_commune[u->index] = static_cast<int>(g.current_of(u->id).index);
      cur_province[u->index] = static_cast<int>(g.current_province_of(u->id).index);
    }

  std::printf(
      "analytics_bench: %ld hoạt động (2021-01 … 2026-10), %zu xã cũ, %zu xã mới; %d vòng đo\n", n,
      old_communes.size(), new_communes.size(), rounds);
  DuckDb duck = duckdb_version(spawner, dir);
  if (duck.ok)
    std::printf("DuckDB %s (@duckdb/node-api, %d luồng) chạy trong một tiến trình node riêng\n",
                duck.version.c_str(), duck.threads);
  else
    std::printf("DuckDB bỏ qua: %s\n", duck.why_not.c_str());

  // The cube, alone: what it adds to this process's resident memory is its own.
  analytics::Engine engine(g);
  const bool peak_reset = bench::reset_peak();
  const long rss_before_cube = bench::status_kb("VmRSS");
  double cube_load = 0;
  auto t_cube = Clock::now();
  {
    Facts facts(old_communes, new_communes);
    for (long i = 0; i < n; ++i) {
      auto f = facts.next(i);
      auto t0 = Clock::now();
      engine.on_added(f);
      cube_load += std::chrono::duration<double>(Clock::now() - t0).count();
    }
  }
  const double cube_pass = std::chrono::duration<double>(Clock::now() - t_cube).count();
  const long rss_cube = bench::status_kb("VmRSS");
  const long peak_cube = peak_reset ? bench::status_kb("VmHWM") : -1;

  // SQLite, and the same rows as CSV for DuckDB.
  std::map<std::string, int> kind_id;
  for (size_t i = 0; i < kKinds.size(); ++i) kind_id[kKinds[i]] = static_cast<int>(i);
  auto sql = store::open_sqlite(":memory:");
  sql->exec_script(
      "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
      "CREATE TABLE f(fact INTEGER, com INTEGER, prov INTEGER, month INTEGER, kind INTEGER,"
      " figure TEXT, value INTEGER);"
      "CREATE TABLE d(fact INTEGER, dim INTEGER, val TEXT);");
  long csv_f = 0, csv_d = 0;
  auto t_gen = Clock::now();
  {
    std::optional<CsvOut> fcsv, dcsv;
    if (duck.ok) {
      fcsv.emplace(dir / "f.csv");
      dcsv.emplace(dir / "d.csv");
    }
    store::Transaction tx(*sql);
    auto& ins = sql->prepare("INSERT INTO f VALUES (?,?,?,?,?,?,?)");
    auto& insd = sql->prepare("INSERT INTO d VALUES (?,?,?)");
    Facts facts(old_communes, new_communes);
    for (long i = 0; i < n; ++i) {
      auto f = facts.next(i);
      uint32_t ui = g.get(f.unit_id).index;
      int month = analytics::month_index(f.date);
      auto row = [&](const std::string& fig, int64_t v) {
        ins.with(f.id, cur_commune[ui], cur_province[ui], month, kind_id[f.kind], fig, v);
        while (ins.step()) {
        }
        if (fcsv)
          fcsv->line(f.id, cur_commune[ui], cur_province[ui], month, kind_id[f.kind], fig, v);
      };
      for (const auto& [fig, v] : f.figures) row(fig, v);
      row("records", 1);
      auto dim = [&](int d, const std::string& v) {
        insd.with(f.id, d, v);
        while (insd.step()) {
        }
        if (dcsv) dcsv->line(f.id, d, v);
      };
      dim(0, f.groups[0]);
      dim(2, f.languages[0]);
      if (!f.channel.empty()) dim(3, f.channel);
    }
    tx.commit();
    if (fcsv) {
      csv_f = fcsv->lines();
      csv_d = dcsv->lines();
    }
  }
  auto t_idx = Clock::now();
  sql->exec_script(
      "CREATE INDEX f_prov ON f(prov, month, figure, kind, value, com);"
      "CREATE INDEX f_month ON f(month, figure, kind, value, prov);"
      "CREATE INDEX d_fact ON d(fact, dim, val);"
      "ANALYZE;");
  const double idx_s = std::chrono::duration<double>(Clock::now() - t_idx).count();
  const double gen_s = std::chrono::duration<double>(t_idx - t_gen).count();
  const long rss_sql = bench::status_kb("VmRSS");
  const long sql_f = static_cast<long>(sql->scalar("SELECT COUNT(*) FROM f").value_or(0));
  const long sql_d = static_cast<long>(sql->scalar("SELECT COUNT(*) FROM d").value_or(0));
  std::printf(
      "nạp: khối tổng hợp %.1f s (sinh dữ liệu thêm %.1f s); sinh dữ liệu + SQLite%s %.1f s, chỉ "
      "mục SQLite %.1f s\n",
      cube_load, cube_pass - cube_load, duck.ok ? " + CSV cho DuckDB" : "", gen_s, idx_s);
  std::printf("đếm được: khối %lld hoạt động; SQLite %ld dòng số liệu, %ld dòng thuộc tính",
              static_cast<long long>(engine.facts()), sql_f, sql_d);
  if (duck.ok) std::printf("; CSV %ld và %ld dòng", csv_f, csv_d);
  std::printf("\n");
  int mismatches = 0;
  if (engine.facts() != n || (duck.ok && (csv_f != sql_f || csv_d != sql_d))) {
    std::printf("  KHÁC NHAU: số dòng nạp vào các bên không khớp\n");
    ++mismatches;
  }

  // The 20 dashboard queries.
  const auto& hn = g.get("01");
  const auto& lc = g.get("15");
  std::string commune = g.children("15").front()->id;
  int commune_idx = static_cast<int>(g.get(commune).index);
  using B = analytics::By;
  auto query = [](const char* ind, const std::string& unit, const char* p, B by) {
    analytics::Query q;
    q.indicator = ind;
    q.unit = unit;
    q.period = periods::Period::parse(p);
    q.by = by;
    return q;
  };
  auto kinds_in = [&](const std::vector<std::string>& ks) {
    std::string s;
    // append(), not operator+ on temporaries: GCC 12's -Wrestrict misfires on those at -O3.
    s.append("(");
    for (const auto& k : ks) {
      if (s.size() > 1) s.append(",");
      s.append(std::to_string(kind_id[k]));
    }
    return s.append(")");
  };
  auto months = [](const char* p) {
    auto r = analytics::months_of(periods::Period::parse(p));
    return " month BETWEEN " + std::to_string(r.first) + " AND " + std::to_string(r.last);
  };
  // A case: the cube's query, and SQL for its total and (when `group_col` is set) its rows.
  auto mk = [](std::string name, analytics::Query q, const std::string& where,
               const std::string& group_col, std::vector<std::string> keys,
               const std::string& from = "f", const std::string& dim = "") {
    Case c{std::move(name), std::move(q), "SELECT COALESCE(SUM(value),0) FROM f WHERE " + where, "",
           std::move(keys)};
    if (!group_col.empty())
      c.group_sql = "SELECT " + group_col + ", SUM(value) FROM " + from + " WHERE " + where + dim +
                    " GROUP BY 1";
    return c;
  };
  std::vector<std::string> province_keys;
  for (const auto* p : g.children("VN")) province_keys.push_back(std::to_string(p->index));
  auto commune_keys = [&](const std::string& prov) {
    std::vector<std::string> k;
    for (const auto* c : g.children(prov)) k.push_back(std::to_string(c->index));
    return k;
  };
  auto month_keys = [](const char* p) {
    auto r = analytics::months_of(periods::Period::parse(p));
    std::vector<std::string> k;
    for (int m = r.first; m <= r.last; ++m) k.push_back(std::to_string(m));
    return k;
  };
  // The cube's row order for by=kind / by=dim is its own; take it from a cube answer.
  auto keys_from = [&](const analytics::Query& q, bool kind_ids) {
    std::vector<std::string> k;
    for (const auto& r : engine.query(q).rows)
      k.push_back(kind_ids ? std::to_string(kind_id[r.key]) : r.key);
    return k;
  };
  const std::string meet = " AND figure='events' AND kind IN " + kinds_in(kMeetingKinds);
  const std::string prov_hn = " AND prov=" + std::to_string(hn.index);
  const std::string prov_lc = " AND prov=" + std::to_string(lc.index);
  const std::string by_dim = "f JOIN d ON d.fact=f.fact";
  // The year of a month index, in SQL that SQLite and DuckDB read alike (DuckDB's `/` is not
  // integer division).
  const std::string year_col =
      "CAST((month - month % 12) / 12 AS INTEGER) + " + std::to_string(analytics::kFirstYear);
  std::vector<std::string> years;
  for (int y = 2021; y <= 2026; ++y) years.push_back(std::to_string(y));
  const auto q_kind_22 = query("meetings", "VN", "2022", B::kind);
  const auto q_group_22 = query("meetings", "VN", "2022", B::group);
  const auto q_channel_22 = query("online_posts", "VN", "2022", B::channel);
  const auto q_lc_kind_24 = query("meeting_attendees", "15", "2024", B::kind);
  const auto q_lang_22 = query("activities", "VN", "2022", B::language);
  std::vector<Case> cases = {
      mk("hội nghị, toàn quốc, 10 tháng 2022", query("meetings", "VN", "2022-01..2022-10", B::none),
         months("2022-01..2022-10") + meet, "", {}),
      mk("hội nghị, toàn quốc, 10 tháng 2021", query("meetings", "VN", "2021-01..2021-10", B::none),
         months("2021-01..2021-10") + meet, "", {}),
      mk("lượt tham dự, toàn quốc, 2022", query("meeting_attendees", "VN", "2022", B::none),
         months("2022") + " AND figure='attendees' AND kind IN " + kinds_in(kMeetingKinds), "", {}),
      mk("loa truyền thanh, toàn quốc, quý II/2023",
         query("loudspeaker_broadcasts", "VN", "2023Q2", B::none),
         months("2023Q2") +
             " AND figure='broadcasts' AND kind=" + std::to_string(kind_id["loudspeaker"]),
         "", {}),
      mk("tin bài mạng, theo tỉnh, 2022", query("online_posts", "VN", "2022", B::children),
         months("2022") + " AND figure='posts' AND kind=" + std::to_string(kind_id["online_post"]),
         "prov", province_keys),
      mk("hội nghị, theo tỉnh, 2024", query("meetings", "VN", "2024", B::children),
         months("2024") + meet, "prov", province_keys),
      mk("hội nghị, toàn quốc, theo tháng 2022", query("meetings", "VN", "2022", B::period),
         months("2022") + meet, "month", month_keys("2022")),
      mk("hội nghị, toàn quốc, theo loại 2022", q_kind_22, months("2022") + meet, "kind",
         keys_from(q_kind_22, true)),
      mk("hội nghị, Hà Nội, 2022", query("meetings", "01", "2022", B::none),
         months("2022") + meet + prov_hn, "", {}),
      mk("hội nghị, Hà Nội, theo tháng 2023", query("meetings", "01", "2023", B::period),
         months("2023") + meet + prov_hn, "month", month_keys("2023")),
      mk("tin bài mạng, Lào Cai theo xã, 2022", query("online_posts", "15", "2022", B::children),
         months("2022") + " AND figure='posts'" + prov_lc, "com", commune_keys("15")),
      mk("loa, một xã, 2022", query("loudspeaker_broadcasts", commune, "2022", B::none),
         months("2022") + " AND figure='broadcasts' AND com=" + std::to_string(commune_idx), "",
         {}),
      mk("hội nghị, toàn quốc, theo nhóm 2022", q_group_22,
         months("2022") + " AND figure='events' AND kind IN " + kinds_in(kMeetingKinds), "d.val",
         keys_from(q_group_22, false), by_dim, " AND d.dim=0"),
      mk("tin bài mạng, toàn quốc, theo kênh 2022", q_channel_22,
         months("2022") + " AND figure='posts' AND kind=" + std::to_string(kind_id["online_post"]),
         "d.val", keys_from(q_channel_22, false), by_dim, " AND d.dim=3"),
      mk("xếp hạng tỉnh theo loa, 2025", query("loudspeaker_broadcasts", "VN", "2025", B::children),
         months("2025") + " AND figure='broadcasts'", "prov", province_keys),
      mk("hội nghị, toàn quốc, 2021–2026 theo năm",
         query("meetings", "VN", "2021-01..2026-10", B::period), months("2021-01..2026-10") + meet,
         year_col, years),
      mk("lượt tham dự, Lào Cai, theo loại 2024", q_lc_kind_24,
         months("2024") + " AND figure='attendees' AND kind IN " + kinds_in(kMeetingKinds) +
             prov_lc,
         "kind", keys_from(q_lc_kind_24, true)),
      mk("hội nghị, Lào Cai, 2026", query("meetings", "15", "2026-01..2026-10", B::none),
         months("2026-01..2026-10") + meet + prov_lc, "", {}),
      mk("tin bài báo chí, theo tỉnh, 2025", query("press_items", "VN", "2025", B::children),
         months("2025") + " AND figure='items' AND kind=" + std::to_string(kind_id["press_item"]),
         "prov", province_keys),
      mk("hoạt động, toàn quốc, theo ngôn ngữ 2022", q_lang_22,
         months("2022") + " AND figure='records'", "d.val", keys_from(q_lang_22, false), by_dim,
         " AND d.dim=2"),
  };

  // DuckDB first, while this process only waits: the two do not share the cores.
  if (duck.ok) {
    duckdb_run(spawner, dir, cases, rounds, duck);
    if (!duck.ok) std::printf("DuckDB bỏ qua: %s\n", duck.why_not.c_str());
  }
  fs::remove_all(dir);
  if (duck.ok) {
    std::printf("DuckDB: nạp CSV %.1f s, %ld và %ld dòng\n", duck.load_ms / 1000, duck.f_rows,
                duck.d_rows);
    if (duck.f_rows != sql_f || duck.d_rows != sql_d) {
      std::printf("  KHÁC NHAU: DuckDB nạp số dòng khác SQLite\n");
      ++mismatches;
    }
  }

  std::vector<analytics::Result> cube_ans(cases.size());
  auto cube_ms = time_rounds(cases.size(), rounds,
                             [&](size_t i) { cube_ans[i] = engine.query(cases[i].query); });
  std::vector<SqlAnswer> sql_ans(cases.size());
  auto sql_ms = time_rounds(cases.size(), rounds, [&](size_t i) {
    SqlAnswer a;
    a.total = static_cast<double>(sql->scalar(cases[i].total_sql).value_or(0));
    if (!cases[i].group_sql.empty())
      sql->each(cases[i].group_sql,
                [&](const store::Row& r) { a.by[r.text(0)] = static_cast<double>(r.i64(1)); });
    sql_ans[i] = std::move(a);
  });

  std::printf("\n%s %s %12s %12s %9s %9s\n", padded("truy vấn (p50, ms)", 42).c_str(),
              padded("khối", 12, true).c_str(), "SQLite", "DuckDB", "SQLite/k", "DuckDB/k");
  for (size_t i = 0; i < cases.size(); ++i) {
    const double a = checksum(cube_ans[i]), b = checksum(sql_ans[i], cases[i].keys);
    const double c = duck.ok ? checksum(duck.answers[i], cases[i].keys) : a;
    if (a != b || a != c) {
      ++mismatches;
      std::printf("  KHÁC NHAU: khối %.0f, SQLite %.0f, DuckDB %.0f\n", a, b, c);
    }
    const double cp = pct(cube_ms[i], 0.5), sp = pct(sql_ms[i], 0.5);
    if (duck.ok) {
      const double dp = pct(duck.ms[i], 0.5);
      std::printf("%s %12.3f %12.1f %12.1f %8.0fx %8.0fx\n", padded(cases[i].name, 42).c_str(), cp,
                  sp, dp, sp / cp, dp / cp);
    } else {
      std::printf("%s %12.3f %12.1f %12s %8.0fx %9s\n", padded(cases[i].name, 42).c_str(), cp, sp,
                  "-", sp / cp, "-");
    }
  }
  const auto cube_all = flat(cube_ms), sql_all = flat(sql_ms);
  const double cp50 = pct(cube_all, 0.5), cp99 = pct(cube_all, 0.99);
  const double sp50 = pct(sql_all, 0.5), sp99 = pct(sql_all, 0.99);
  std::printf("\nmỗi bên: một lượt khởi động không tính giờ, rồi %d vòng × %zu truy vấn\n", rounds,
              cases.size());
  std::printf("khối tổng hợp:   p50 %9.3f ms, p99 %9.3f ms\n", cp50, cp99);
  std::printf("SQLite GROUP BY: p50 %9.1f ms, p99 %9.1f ms; SQLite / khối: p50 %.0fx, p99 %.0fx\n",
              sp50, sp99, sp50 / cp50, sp99 / cp99);
  if (duck.ok) {
    const auto duck_all = flat(duck.ms);
    const double dp50 = pct(duck_all, 0.5), dp99 = pct(duck_all, 0.99);
    std::printf(
        "DuckDB:          p50 %9.1f ms, p99 %9.1f ms; DuckDB / khối: p50 %.0fx, p99 %.0fx "
        "(đo trong node, %d luồng)\n",
        dp50, dp99, dp50 / cp50, dp99 / cp99, duck.threads);
  }
  std::printf("mục tiêu (SQLite / khối ≥ 50x ở p50 và khối p99 < 5 ms): %s\n",
              (sp50 / cp50 >= 50 && cp99 < 5) ? "ĐẠT" : "CHƯA ĐẠT");

  std::printf("\nbộ nhớ đo được (RSS):\n");
  std::printf(
      "  khối tổng hợp: thêm %.0f MB vào tiến trình sau khi nạp (đỉnh khi nạp: thêm %.0f MB)\n",
      bench::mb(rss_cube - rss_before_cube),
      peak_cube < 0 ? -1.0 : bench::mb(peak_cube - rss_before_cube));
  std::printf("  SQLite trong bộ nhớ, có chỉ mục: thêm %.0f MB\n", bench::mb(rss_sql - rss_cube));
  std::printf("  tiến trình bench (khối + SQLite + bản đồ đơn vị): đỉnh %.0f MB\n",
              bench::mb(bench::status_kb("VmHWM")));
  if (duck.ok)
    std::printf(
        "  DuckDB, tiến trình node riêng: đỉnh %.0f MB (VmHWM; node trước khi nạp DuckDB %.0f MB; "
        "ru_maxrss %.0f MB)\n",
        bench::mb(duck.peak_kb), bench::mb(duck.node_kb), bench::mb(duck.maxrss_kb));
  std::printf(
      "kết quả %s\n",
      mismatches
          ? "KHÁC NHAU"
          : ("các bên khớp nhau ở cả " + std::to_string(cases.size()) + " truy vấn").c_str());
  return mismatches ? 1 : 0;
}
