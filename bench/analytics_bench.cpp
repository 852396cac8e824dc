// bench/analytics_bench.cpp — the analytics cube against SQLite GROUP BY on the same rows.
//
// Generates N activity facts (default 5,000,000; seeded, so every run sees the same data) over
// the communes of both eras from 2021 to 2026, loads them into the analytics engine and into an
// in-memory SQLite table (one row per fact and figure, with the unit already rolled up to today's
// commune and province, and covering indexes), then answers the same 20 dashboard queries with
// both, checks that the answers agree, and prints p50/p99 latency of each side, the ratio and the
// engine's memory. Usage: analytics_bench [facts] (CAUNOI_DATA_DIR or the source tree's data/).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "analytics/engine.h"
#include "app/bootstrap.h"
#include "places/gazetteer.h"
#include "store/store.h"

using namespace caunoi;
using Clock = std::chrono::steady_clock;

namespace {

const std::vector<std::string> kKinds = {"conference", "customer_conference", "dialogue",
                                         "consultation", "small_group", "campaign_launch",
                                         "online_forum", "loudspeaker", "press_item",
                                         "online_post", "printed", "contest", "hotline"};
const std::vector<double> kKindWeight = {6, 2, 2, 8, 12, 0.2, 0.3, 30, 3, 30, 1, 0.1, 5};
const std::vector<std::string> kGroups = {"party_government", "employers", "compulsory_workers",
                                          "voluntary", "students", "ethnic_minorities",
                                          "farm_households", "general_public"};
const std::vector<std::string> kTopics = {"voluntary_si", "household_hi", "student_hi",
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
  int64_t between(int64_t a, int64_t b) { return std::uniform_int_distribution<int64_t>(a, b)(rng); }
};

std::vector<std::pair<std::string, int64_t>> figures_of(const std::string& kind, Gen& g) {
  if (kind == "loudspeaker") return {{"broadcasts", g.between(1, 30)}};
  if (kind == "press_item") return {{"items", 1}};
  if (kind == "online_post") return {{"posts", g.between(1, 3)}, {"views", g.between(10, 5000)}, {"shares", g.between(0, 50)}};
  if (kind == "printed") return {{"items", 1}, {"copies", g.between(100, 5000)}};
  if (kind == "hotline") return {{"calls", g.between(1, 40)}, {"questions", g.between(1, 40)}};
  if (kind == "online_forum") return {{"sessions", 1}, {"questions", g.between(5, 60)}, {"views", g.between(100, 20000)}};
  if (kind == "campaign_launch" || kind == "contest") return {{"events", 1}, {"participants", g.between(50, 500)}};
  return {{"events", 1}, {"attendees", g.between(8, 150)}};
}

double pct(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i = std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
  return v[i];
}

struct Case {
  std::string name;
  std::function<double()> cube;  // returns a checksum of the answer
  std::function<double()> sql;
};

}  // namespace

int main(int argc, char** argv) {
  long n = argc > 1 ? std::atol(argv[1]) : 5'000'000;
  app::Paths paths;
  const char* env = std::getenv("CAUNOI_DATA_DIR");
  paths.data_dir = env && *env ? std::filesystem::path(env)
                               : std::filesystem::path(CAUNOI_SOURCE_DIR) / "data";
  std::string tmp = (std::filesystem::temp_directory_path() / "caunoi-analytics-bench.db").string();
  std::filesystem::remove(tmp);
  places::Gazetteer g = [&] {
    auto c = app::open_database(tmp, paths);
    return places::Gazetteer::load(*c);
  }();
  std::filesystem::remove(tmp);

  std::vector<const places::Unit*> old_communes, new_communes;
  for (size_t i = 0; i < g.size(); ++i) {
    const auto& u = g.at(static_cast<uint32_t>(i));
    if (u.level != places::Level::commune) continue;
    (u.era == places::Era::old ? old_communes : new_communes).push_back(&u);
  }
  // Roll-up targets of every unit, as both sides see them: today's commune and province.
  std::vector<int> cur_commune(g.size(), -1), cur_province(g.size(), -1);
  for (const auto* v : {&old_communes, &new_communes})
    for (const auto* u : *v) {
      cur_commune[u->index] = static_cast<int>(g.current_of(u->id).index);
      cur_province[u->index] = static_cast<int>(g.current_province_of(u->id).index);
    }

  std::printf("analytics_bench: %ld hoạt động (2021-01 … 2026-10), %zu xã cũ, %zu xã mới\n", n,
              old_communes.size(), new_communes.size());

  // Generate and load both sides.
  analytics::Engine engine(g);
  auto sql = store::open_sqlite(":memory:");
  sql->exec_script(
      "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
      "CREATE TABLE f(fact INTEGER, com INTEGER, prov INTEGER, month INTEGER, kind INTEGER,"
      " figure TEXT, value INTEGER);"
      "CREATE TABLE d(fact INTEGER, dim INTEGER, val TEXT);");
  std::map<std::string, int> kind_id;
  for (size_t i = 0; i < kKinds.size(); ++i) kind_id[kKinds[i]] = static_cast<int>(i);
  std::discrete_distribution<size_t> kind_dist(kKindWeight.begin(), kKindWeight.end());
  Gen gen;
  double cube_load = 0;
  auto t_gen = Clock::now();
  {
    store::Transaction tx(*sql);
    auto& ins = sql->prepare("INSERT INTO f VALUES (?,?,?,?,?,?,?)");
    auto& insd = sql->prepare("INSERT INTO d VALUES (?,?,?)");
    Date first{2021, 1, 1};
    long days = Date{2026, 10, 31}.days() - first.days();
    for (long i = 0; i < n; ++i) {
      activities::ActivityFact f;
      f.id = i + 1;
      f.date = first.add_days(gen.between(0, days));
      const auto& pool = f.date < places::kReformDate ? old_communes : new_communes;
      f.unit_id = gen.pick(pool)->id;
      f.kind = kKinds[kind_dist(gen.rng)];
      f.figures = figures_of(f.kind, gen);
      f.groups = {gen.pick(kGroups)};
      f.topics = {gen.pick(kTopics)};
      f.languages = {gen.pick(kLanguages)};
      if (f.kind == "online_post") f.channel = gen.pick(kChannels);
      if (f.kind == "press_item") f.channel = gen.pick(kPressChannels);
      auto t0 = Clock::now();
      engine.on_added(f);
      cube_load += std::chrono::duration<double>(Clock::now() - t0).count();
      uint32_t ui = g.get(f.unit_id).index;
      int month = analytics::month_index(f.date);
      for (const auto& [fig, v] : f.figures) {
        ins.with(f.id, cur_commune[ui], cur_province[ui], month, kind_id[f.kind], fig, v);
        while (ins.step()) {
        }
      }
      ins.with(f.id, cur_commune[ui], cur_province[ui], month, kind_id[f.kind], "records", 1);
      while (ins.step()) {
      }
      auto dim = [&](int d, const std::string& v) {
        insd.with(f.id, d, v);
        while (insd.step()) {
        }
      };
      dim(0, f.groups[0]);
      dim(2, f.languages[0]);
      if (!f.channel.empty()) dim(3, f.channel);
    }
    tx.commit();
  }
  auto t_idx = Clock::now();
  sql->exec_script(
      "CREATE INDEX f_prov ON f(prov, month, figure, kind, value, com);"
      "CREATE INDEX f_month ON f(month, figure, kind, value, prov);"
      "CREATE INDEX d_fact ON d(fact, dim, val);"
      "ANALYZE;");
  double idx_s = std::chrono::duration<double>(Clock::now() - t_idx).count();
  double gen_s = std::chrono::duration<double>(t_idx - t_gen).count();
  std::printf("nạp: khối tổng hợp %.1f s; tạo dữ liệu + SQLite %.1f s, chỉ mục SQLite %.1f s\n",
              cube_load, gen_s - cube_load, idx_s);
  std::printf("bộ nhớ khối tổng hợp: %.1f MB (%lld hoạt động)\n",
              static_cast<double>(engine.memory_bytes()) / 1048576.0,
              static_cast<long long>(engine.facts()));

  // The 20 dashboard queries.
  const auto& hn = g.get("01");
  const auto& lc = g.get("15");
  std::string commune = g.children("15").front()->id;
  int commune_idx = static_cast<int>(g.get(commune).index);
  auto period = [](const char* s) { return periods::Period::parse(s); };
  auto cube = [&](const char* ind, const std::string& unit, const char* p, analytics::By by) {
    return [&engine, ind, unit, p, by, period] {
      analytics::Query q;
      q.indicator = ind;
      q.unit = unit;
      q.period = period(p);
      q.by = by;
      auto r = engine.query(q);
      double s = *r.total.value;
      for (size_t i = 0; i < r.rows.size(); ++i) s += *r.rows[i].figure.value * static_cast<double>(i % 7 + 1);
      return s;
    };
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
  // SQL: total plus the rows in the cube's order (keys given by the caller).
  auto sqlq = [&](std::string where, std::string group_col, std::function<std::vector<std::string>()> keys,
                  std::string from = "f", std::string dim = "") {
    return [&, where, group_col, keys, from, dim] {
      double total = static_cast<double>(
          sql->scalar("SELECT COALESCE(SUM(value),0) FROM f WHERE " + where).value_or(0));
      if (group_col.empty()) return total;
      std::map<std::string, double> by;
      sql->each("SELECT " + group_col + ", SUM(value) FROM " + from + " WHERE " + where + dim +
                    " GROUP BY 1",
                [&](const store::Row& r) { by[r.text(0)] = static_cast<double>(r.i64(1)); });
      auto ks = keys();
      double s = total;
      for (size_t i = 0; i < ks.size(); ++i) s += by[ks[i]] * static_cast<double>(i % 7 + 1);
      return s;
    };
  };
  auto province_keys = [&] {
    std::vector<std::string> k;
    for (const auto* p : g.children("VN")) k.push_back(std::to_string(p->index));
    return k;
  };
  auto commune_keys = [&](std::string prov) {
    return [&g, prov] {
      std::vector<std::string> k;
      for (const auto* c : g.children(prov)) k.push_back(std::to_string(c->index));
      return k;
    };
  };
  auto month_keys = [](const char* p) {
    return [p] {
      auto r = analytics::months_of(periods::Period::parse(p));
      std::vector<std::string> k;
      for (int m = r.first; m <= r.last; ++m) k.push_back(std::to_string(m));
      return k;
    };
  };
  // The cube's row order for by=kind / by=dim is its own; take it from a cube answer.
  auto keys_from = [&](const char* ind, const std::string& unit, const char* p, analytics::By by,
                       bool kind_ids) {
    return [&engine, &kind_id, ind, unit, p, by, kind_ids, period] {
      analytics::Query q;
      q.indicator = ind;
      q.unit = unit;
      q.period = period(p);
      q.by = by;
      std::vector<std::string> k;
      for (const auto& r : engine.query(q).rows)
        k.push_back(kind_ids ? std::to_string(kind_id[r.key]) : r.key);
      return k;
    };
  };
  std::string meet = " AND figure='events' AND kind IN " + kinds_in(kMeetingKinds);
  std::string prov_hn = " AND prov=" + std::to_string(hn.index);
  std::string prov_lc = " AND prov=" + std::to_string(lc.index);
  using B = analytics::By;
  std::vector<Case> cases = {
      {"hội nghị, toàn quốc, 10 tháng 2022", cube("meetings", "VN", "2022-01..2022-10", B::none),
       sqlq(months("2022-01..2022-10") + meet, "", {})},
      {"hội nghị, toàn quốc, 10 tháng 2021", cube("meetings", "VN", "2021-01..2021-10", B::none),
       sqlq(months("2021-01..2021-10") + meet, "", {})},
      {"lượt tham dự, toàn quốc, 2022", cube("meeting_attendees", "VN", "2022", B::none),
       sqlq(months("2022") + " AND figure='attendees' AND kind IN " + kinds_in(kMeetingKinds), "", {})},
      {"loa truyền thanh, toàn quốc, quý II/2023", cube("loudspeaker_broadcasts", "VN", "2023Q2", B::none),
       sqlq(months("2023Q2") + " AND figure='broadcasts' AND kind=" + std::to_string(kind_id["loudspeaker"]), "", {})},
      {"tin bài mạng, theo tỉnh, 2022", cube("online_posts", "VN", "2022", B::children),
       sqlq(months("2022") + " AND figure='posts' AND kind=" + std::to_string(kind_id["online_post"]), "prov", province_keys)},
      {"hội nghị, theo tỉnh, 2024", cube("meetings", "VN", "2024", B::children),
       sqlq(months("2024") + meet, "prov", province_keys)},
      {"hội nghị, toàn quốc, theo tháng 2022", cube("meetings", "VN", "2022", B::period),
       sqlq(months("2022") + meet, "month", month_keys("2022"))},
      {"hội nghị, toàn quốc, theo loại 2022", cube("meetings", "VN", "2022", B::kind),
       sqlq(months("2022") + meet, "kind", keys_from("meetings", "VN", "2022", B::kind, true))},
      {"hội nghị, Hà Nội, 2022", cube("meetings", "01", "2022", B::none),
       sqlq(months("2022") + meet + prov_hn, "", {})},
      {"hội nghị, Hà Nội, theo tháng 2023", cube("meetings", "01", "2023", B::period),
       sqlq(months("2023") + meet + prov_hn, "month", month_keys("2023"))},
      {"tin bài mạng, Lào Cai theo xã, 2022", cube("online_posts", "15", "2022", B::children),
       sqlq(months("2022") + " AND figure='posts'" + prov_lc, "com", commune_keys("15"))},
      {"loa, một xã, 2022", cube("loudspeaker_broadcasts", commune, "2022", B::none),
       sqlq(months("2022") + " AND figure='broadcasts' AND com=" + std::to_string(commune_idx), "", {})},
      {"hội nghị, toàn quốc, theo nhóm 2022", cube("meetings", "VN", "2022", B::group),
       sqlq(months("2022") + " AND figure='events' AND kind IN " + kinds_in(kMeetingKinds),
            "d.val", keys_from("meetings", "VN", "2022", B::group, false), "f JOIN d ON d.fact=f.fact",
            " AND d.dim=0")},
      {"tin bài mạng, toàn quốc, theo kênh 2022", cube("online_posts", "VN", "2022", B::channel),
       sqlq(months("2022") + " AND figure='posts' AND kind=" + std::to_string(kind_id["online_post"]),
            "d.val", keys_from("online_posts", "VN", "2022", B::channel, false), "f JOIN d ON d.fact=f.fact",
            " AND d.dim=3")},
      {"xếp hạng tỉnh theo loa, 2025", cube("loudspeaker_broadcasts", "VN", "2025", B::children),
       sqlq(months("2025") + " AND figure='broadcasts'", "prov", province_keys)},
      {"hội nghị, toàn quốc, 2021–2026 theo năm", cube("meetings", "VN", "2021-01..2026-10", B::period),
       sqlq(months("2021-01..2026-10") + meet, "month / 12 + 2000",
            [] { return std::vector<std::string>{"2021", "2022", "2023", "2024", "2025", "2026"}; })},
      {"lượt tham dự, Lào Cai, theo loại 2024", cube("meeting_attendees", "15", "2024", B::kind),
       sqlq(months("2024") + " AND figure='attendees' AND kind IN " + kinds_in(kMeetingKinds) + prov_lc, "kind",
            keys_from("meeting_attendees", "15", "2024", B::kind, true))},
      {"hội nghị, Lào Cai, 2026", cube("meetings", "15", "2026-01..2026-10", B::none),
       sqlq(months("2026-01..2026-10") + meet + prov_lc, "", {})},
      {"tin bài báo chí, theo tỉnh, 2025", cube("press_items", "VN", "2025", B::children),
       sqlq(months("2025") + " AND figure='items' AND kind=" + std::to_string(kind_id["press_item"]), "prov", province_keys)},
      {"hoạt động, toàn quốc, theo ngôn ngữ 2022", cube("activities", "VN", "2022", B::language),
       sqlq(months("2022") + " AND figure='records'", "d.val",
            keys_from("activities", "VN", "2022", B::language, false), "f JOIN d ON d.fact=f.fact",
            " AND d.dim=2")},
  };

  const int cube_reps = 200, sql_reps = 3;
  std::vector<double> cube_all, sql_all;
  int mismatches = 0;
  std::printf("\n%-42s %12s %12s %9s\n", "truy vấn", "khối p50 ms", "SQLite p50", "tỉ lệ");
  for (auto& c : cases) {
    std::vector<double> ct, st;
    double a = 0, b = 0;
    for (int i = 0; i < cube_reps; ++i) {
      auto t0 = Clock::now();
      a = c.cube();
      ct.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    for (int i = 0; i < sql_reps; ++i) {
      auto t0 = Clock::now();
      b = c.sql();
      st.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    }
    if (a != b) {
      ++mismatches;
      std::printf("  KHÁC NHAU: khối %.0f, SQLite %.0f\n", a, b);
    }
    cube_all.insert(cube_all.end(), ct.begin(), ct.end());
    sql_all.insert(sql_all.end(), st.begin(), st.end());
    std::printf("%-42s %12.3f %12.1f %8.0fx\n", c.name.c_str(), pct(ct, 0.5), pct(st, 0.5),
                pct(st, 0.5) / pct(ct, 0.5));
  }
  double cp50 = pct(cube_all, 0.5), cp99 = pct(cube_all, 0.99);
  double sp50 = pct(sql_all, 0.5), sp99 = pct(sql_all, 0.99);
  std::printf("\nkhối tổng hợp: p50 %.3f ms, p99 %.3f ms (%d lần mỗi truy vấn)\n", cp50, cp99, cube_reps);
  std::printf("SQLite GROUP BY: p50 %.1f ms, p99 %.1f ms (%d lần mỗi truy vấn)\n", sp50, sp99, sql_reps);
  std::printf("tỉ lệ (SQLite / khối): p50 %.0fx, p99 %.0fx; mục tiêu ≥ 50x và p99 < 5 ms: %s\n",
              sp50 / cp50, sp99 / cp99, (sp50 / cp50 >= 50 && cp99 < 5) ? "ĐẠT" : "CHƯA ĐẠT");
  std::printf("kết quả hai bên %s\n", mismatches ? "KHÁC NHAU" : "khớp nhau ở cả 20 truy vấn");
  return mismatches ? 1 : 0;
}
