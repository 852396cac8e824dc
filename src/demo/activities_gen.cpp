// demo/activities_gen.cpp — the activity log of the demo: every kind, every unit, 2021 → today.
//
// National monthly totals follow the seeds (dispatch 3371, seed 002; the 2022 training report,
// seed 000): Jan–Oct 2022 ≈ 144,000 meeting-type events (conference, customer conference,
// dialogue, consultation, small group; 2.9× Jan–Oct 2021, 72,000 in all of 2021; 14,870 in
// Q1 2022) with ≈ 2 million attendees; 864,200 loudspeaker broadcasts (1.6× 2021, 730,000 in
// 2021, 206,600 in Q1 2022); 15,000 local press items (≈1.2× 2021; 31,000 local + central in
// 2021); 734,000 online posts (160,100 in Q1 2022); over 100 campaign launches in Q1 2022.
// Each month's total is shared out by population (and a fixed per-province zeal factor) and
// drawn with Poisson noise, so the sums land within a few percent of the quoted figures.
//
// Rows are aggregated where reports aggregate: meeting kinds per old district (current commune
// after the reform) and month, loudspeaker broadcasts per commune and month, press and online
// posts per province, channel and month. That keeps the log near one million rows. Units are
// old before 1 July 2025 and current from then on. Yên Bái gets the exact figures of seed 001
// (2022 press and radio-TV programmes, three ethnic languages; March 2023 small-group sessions,
// launches, dialogues, posts). Mountain, Central Highlands and Mekong provinces carry their
// ethnic languages (Mông, Thái, Dao; Ê đê, Gia Rai, Ba Na, M'Nông; Khmer...).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "activities/repository.h"
#include "demo/demo.h"

namespace caunoi::demo {

namespace {

using activities::Activity;
using places::Era;
using places::Level;
using places::Unit;

// Languages spoken besides Vietnamese, by old province code.
const std::map<std::string, std::vector<std::string>>& ethnic_languages() {
  static const std::map<std::string, std::vector<std::string>> k = {
      {"02", {"hmong", "dao", "tay"}},
      {"04", {"tay", "nung", "hmong"}},
      {"06", {"tay", "dao"}},
      {"08", {"tay", "dao"}},
      {"10", {"hmong", "dao", "tay", "giay"}},
      {"11", {"thai", "hmong"}},
      {"12", {"hmong", "thai", "giay"}},
      {"14", {"thai", "hmong"}},
      {"15", {"hmong", "thai", "dao"}},
      {"17", {"muong"}},
      {"20", {"tay", "nung"}},
      {"38", {"thai", "muong"}},
      {"40", {"thai", "hmong"}},
      {"62", {"sedang", "bana"}},
      {"64", {"jarai", "bana"}},
      {"66", {"ede", "mnong"}},
      {"67", {"mnong"}},
      {"68", {"kho"}},
      {"79", {"hoa"}},
      {"84", {"khmer"}},
      {"89", {"khmer", "cham"}},
      {"91", {"khmer"}},
      {"94", {"khmer", "hoa"}},
      {"95", {"khmer"}},
      {"96", {"khmer"}},
  };
  return k;
}

struct MeetingKind {
  const char* code;
  double share;     // of meeting-type events
  double audience;  // mean attendees per event
  std::vector<const char*> groups;
};

const std::vector<MeetingKind>& meeting_kinds() {
  static const std::vector<MeetingKind> k = {
      {"small_group",
       0.55,
       8.0,
       {"farm_households", "voluntary", "near_poor", "ethnic_minorities"}},
      {"consultation", 0.20, 5.0, {"voluntary", "general_public", "pensioners"}},
      {"conference", 0.12, 38.0, {"party_government", "collection_agents", "students"}},
      {"customer_conference", 0.06, 25.0, {"employers", "compulsory_workers"}},
      {"dialogue", 0.07, 32.0, {"employers", "compulsory_workers", "health_facilities"}},
  };
  return k;
}

const char* kTopics[] = {"voluntary_si",
                         "household_hi",
                         "student_hi",
                         "budget_support",
                         "worker_rights",
                         "lump_sum_risk",
                         "employer_duty",
                         "violations",
                         "collection_results",
                         "peak_campaign",
                         "digital_services",
                         "unemployment_insurance",
                         "health_insurance_benefits",
                         "good_practices",
                         "return_to_work",
                         "commendation",
                         "steering_committee"};
const char* kPartners[] = {"farmers_union",     "youth_union",      "womens_union",
                           "labour_federation", "propaganda_board", "fatherland_front",
                           "local_government",  "post_office",      "schools",
                           "veterans",          "health_sector",    "labour_department"};

// National totals a month, before scaling.
struct Monthly {
  double meetings, broadcasts, press_local, press_central, posts, launches;
};

Monthly national(int y, int m) {
  Monthly t{};
  if (y == 2021) {
    bool late = m >= 11;
    t = {late ? 11172.0 : 4966.0,
         late ? 94937.0 : 54013.0,
         late ? 1400.0 : 1260.0,
         1325.0,
         45000.0,
         12.0};
  } else if (y == 2022) {
    bool q1 = m <= 3, late = m >= 11;
    t = {q1 ? 5030.0 : 18447.0, q1 ? 68867.0 : 94229.0, 1525.0,
         q1 ? 600.0 : 500.0,    q1 ? 56176.0 : 86900.0, q1 ? 35.0 : 20.0};
    if (late) t.meetings = 18000, t.broadcasts = 95000, t.posts = 80000;
  } else {
    double g = std::pow(1.03, y - 2023);
    double season = m <= 2 ? 0.7 : (m >= 11 ? 1.2 : 1.0);  // Tết, year-end push
    t = {16000.0 * g * season, 90000.0 * g * season,           1500.0 * g, 500.0,
         80000.0 * g,          m <= 3 || m >= 10 ? 25.0 : 10.0};
  }
  return t;
}

class Gen {
 public:
  explicit Gen(DemoContext& ctx) : ctx_(ctx), g_(ctx.places) { prepare(); }

  void run() {
    std::vector<std::pair<int, int>> months;
    for (Date d{ctx_.opt.from.year, ctx_.opt.from.month, 1}; d <= ctx_.opt.to;
         d = Date{d.month == 12 ? d.year + 1 : d.year, d.month == 12 ? 1 : d.month + 1, 1})
      months.emplace_back(d.year, d.month);
    ctx_.progress.start("hoạt động truyền thông", static_cast<int64_t>(months.size()));
    store::Transaction* tx = new store::Transaction(ctx_.db);
    for (auto [y, m] : months) {
      month(y, m);
      if (pending_ > 50000) {  // bulk transactions of ~50k rows keep the WAL small
        tx->commit();
        delete tx;
        tx = new store::Transaction(ctx_.db);
        pending_ = 0;
      }
      ctx_.progress.advance();
    }
    tx->commit();
    delete tx;
    ctx_.progress.finish();
  }

 private:
  void prepare() {
    for (size_t i = 0; i < g_.size(); ++i) {
      const Unit& u = g_.at(static_cast<uint32_t>(i));
      if (u.level == Level::province) {
        (u.era == Era::old ? old_provinces_ : new_provinces_).push_back(&u);
        zeal_[u.id] = ctx_.uniform(0.6, 1.5);
      }
      if (u.era == Era::old && u.level == Level::district) old_districts_.push_back(&u);
      if (u.level == Level::commune)
        (u.era == Era::old ? old_communes_ : new_communes_).push_back(&u);
    }
    for (const auto& [code, langs] : ethnic_languages()) {
      const Unit* old = g_.find("old:" + code);
      if (!old) continue;
      langs_[old->id] = langs;
      auto& now = langs_[g_.current_province_of(old->id).id];
      for (const auto& l : langs)
        if (std::find(now.begin(), now.end(), l) == now.end()) now.push_back(l);
    }
    for (const auto* list : {&old_provinces_, &new_provinces_}) {
      double total = 0;
      for (const Unit* p : *list) total += ctx_.population_2022[p->index] * zeal_[p->id];
      weight_total_[list == &old_provinces_ ? 0 : 1] = total;
    }
  }

  const Unit& province_of(const Unit& u) const {
    const Unit* p = &u;
    while (p->level > Level::province) p = &g_.get(p->parent_id);
    return *p;
  }

  // Share of the nation's activity for a unit: population × its province's zeal.
  double share(const Unit& u, bool old) const {
    return ctx_.population_2022[u.index] * zeal_.at(province_of(u).id) / weight_total_[old ? 0 : 1];
  }

  Date day_in(int y, int m) {
    int last = days_in_month(y, m);
    Date end = std::min(Date{y, m, last}, ctx_.opt.to);
    int d = 1 + static_cast<int>(ctx_.rng() % static_cast<uint64_t>(end.day));
    return Date{y, m, d};
  }

  void put(Activity& a) {
    if (a.reporting_unit.empty()) a.reporting_unit = province_of(g_.get(a.place)).id;
    a.created_by = "demo";
    activities::normalize(a);
    activities::repo::insert(ctx_.db, a);
    ++pending_;
  }

  // A month-long aggregate row (or a single day when it stands for one event).
  Activity base(const Unit& place, int y, int m, const char* kind, bool one_day) {
    Activity a;
    a.place = place.id;
    a.kind = kind;
    if (one_day) {
      a.date_from = a.date_to = day_in(y, m);
    } else {
      a.date_from = Date{y, m, 1};
      a.date_to = std::min(Date{y, m, days_in_month(y, m)}, ctx_.opt.to);
      a.title = "Tổng hợp tháng " + std::to_string(m) + "/" + std::to_string(y);
    }
    return a;
  }

  std::vector<std::string> languages_for(const Unit& place, double p_ethnic) {
    std::vector<std::string> out{"vi"};
    auto it = langs_.find(province_of(place).id);
    if (it != langs_.end() && ctx_.uniform(0, 1) < p_ethnic) {
      out.push_back(it->second[ctx_.rng() % it->second.size()]);
    }
    return out;
  }

  std::vector<std::string> topics(int n) {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) {
      // The first three (BHXH tự nguyện, BHYT hộ gia đình, HSSV) are what 3371 §1 stresses.
      size_t idx = ctx_.uniform(0, 1) < 0.6 ? ctx_.rng() % 3 : ctx_.rng() % std::size(kTopics);
      out.emplace_back(kTopics[idx]);
    }
    return out;
  }

  bool yen_bai_planted(const Unit& place, int y, int m, const char* kind) const {
    if (ctx_.opt.scale != 1.0 || province_of(place).id != "old:15") return false;
    std::string k = kind;
    if (y == 2022 && (k == "press_item" || k == "online_forum")) return true;
    return y == 2023 && m == 3 &&
           (k == "small_group" || k == "dialogue" || k == "campaign_launch" || k == "press_item" ||
            k == "online_post");
  }

  void month(int y, int m) {
    bool old = Date{y, m, 1} < places::kReformDate;
    Monthly t = national(y, m);
    double s = ctx_.opt.scale;
    const auto& meeting_units = old ? old_districts_ : new_communes_;
    const auto& speaker_units = old ? old_communes_ : new_communes_;
    const auto& provinces = old ? old_provinces_ : new_provinces_;

    for (const Unit* u : meeting_units) {
      double sh = share(*u, old);
      for (const auto& mk : meeting_kinds()) {
        if (yen_bai_planted(*u, y, m, mk.code)) continue;
        int64_t n = ctx_.poisson(t.meetings * s * sh * mk.share);
        if (n == 0) continue;
        const Unit& place = old ? *pick_child(*u) : *u;
        Activity a = base(place, y, m, mk.code, n == 1);
        int64_t people = std::max<int64_t>(
            n, std::llround(static_cast<double>(n) * mk.audience * ctx_.uniform(0.8, 1.2)));
        a.figures = {{"events", n}, {"attendees", people}};
        if (std::string(mk.code) == "consultation" || std::string(mk.code) == "dialogue") {
          a.figures.push_back({"questions", ctx_.poisson(static_cast<double>(n) * 2.5)});
        }
        a.groups = {mk.groups[ctx_.rng() % mk.groups.size()]};
        a.topics = topics(1 + static_cast<int>(ctx_.rng() % 2));
        a.languages = languages_for(place, 0.35);
        if (a.languages.size() > 1) a.groups.push_back("ethnic_minorities");
        if (ctx_.uniform(0, 1) < 0.4) a.partners = {kPartners[ctx_.rng() % std::size(kPartners)]};
        put(a);
      }
    }

    for (const Unit* u : speaker_units) {
      int64_t n = ctx_.poisson(t.broadcasts * s * share(*u, old));
      if (n == 0) continue;
      Activity a = base(*u, y, m, "loudspeaker", false);
      a.figures = {{"broadcasts", n}};
      a.topics = topics(2);
      a.groups = {"general_public"};
      a.languages = languages_for(*u, 0.5);
      put(a);
    }

    static const std::pair<const char*, double> press_channels[] = {
        {"print_press", 0.3}, {"online_press", 0.35}, {"radio", 0.2}, {"tv", 0.15}};
    static const std::pair<const char*, double> post_channels[] = {
        {"portal", 0.12},  {"facebook", 0.45}, {"zalo", 0.28},
        {"youtube", 0.07}, {"tiktok", 0.05},   {"vssid", 0.03}};
    for (const Unit* p : provinces) {
      double sh = share(*p, old);
      if (!yen_bai_planted(*p, y, m, "press_item")) {
        for (auto [ch, w] : press_channels) {
          int64_t n = ctx_.poisson(t.press_local * s * sh * w);
          if (n == 0) continue;
          Activity a = base(*p, y, m, "press_item", false);
          a.channel = ch;
          a.figures = {{"items", n}};
          a.topics = topics(2);
          a.partners = {"press_agencies"};
          a.languages = languages_for(*p, std::string(ch) == "radio" ? 0.5 : 0.1);
          put(a);
        }
      }
      if (!yen_bai_planted(*p, y, m, "online_post")) {
        for (auto [ch, w] : post_channels) {
          if (std::string(ch) == "tiktok" && y < 2023) continue;
          int64_t n = ctx_.poisson(t.posts * s * sh * w);
          if (n == 0) continue;
          Activity a = base(*p, y, m, "online_post", false);
          a.channel = ch;
          int64_t views = std::llround(static_cast<double>(n) * ctx_.uniform(150, 900));
          a.figures = {{"posts", n}, {"views", views}, {"shares", views / 40}};
          a.topics = topics(2);
          a.groups = {"general_public"};
          put(a);
        }
      }
      if (!yen_bai_planted(*p, y, m, "campaign_launch")) {
        if (int64_t n = ctx_.poisson(t.launches * s * sh); n > 0) {
          Activity a = base(*pick_descendant(*p, old), y, m, "campaign_launch", n == 1);
          a.figures = {{"events", n}, {"participants", n * 150}, {"people_reached", n * 1200}};
          a.topics = {"voluntary_si", "household_hi"};
          a.partners = {"youth_union", "womens_union", "local_government"};
          put(a);
        }
      }
      if (int64_t n = ctx_.poisson(1.0 * s * sh * 63);
          n > 0 && !yen_bai_planted(*p, y, m, "online_forum")) {
        Activity a = base(*p, y, m, "online_forum", n == 1);
        a.channel = ctx_.uniform(0, 1) < 0.5 ? "facebook" : "portal";
        a.figures = {{"sessions", n}, {"questions", n * 25}, {"views", n * 3000}};
        a.topics = topics(1);
        put(a);
      }
      if (int64_t n = ctx_.poisson(4.0 * s * sh * 63); n > 0) {
        Activity a = base(*p, y, m, "printed", false);
        a.figures = {{"items", n}, {"copies", n * 2500}};
        a.topics = topics(2);
        put(a);
      }
      if (m == 9 || m == 10) {
        if (int64_t n = ctx_.poisson(0.5 * s * sh * 63); n > 0) {
          Activity a = base(*p, y, m, "contest", false);
          a.figures = {{"events", n}, {"participants", n * 800}, {"entries", n * 650}};
          a.groups = {"students"};
          a.topics = {"student_hi"};
          a.partners = {"education_sector", "youth_union"};
          put(a);
        }
      }
    }

    // The national level: central press, the VSS portal, the call centre.
    const Unit& vn = g_.get("VN");
    auto national_row = [&](const char* kind, const char* channel, Figure f) {
      Activity a = base(vn, y, m, kind, false);
      a.reporting_unit = "VN";
      a.channel = channel;
      a.figures = {f};
      a.topics = topics(2);
      if (a.figures[0].second > 0) put(a);
    };
    national_row("press_item", "online_press", {"items", ctx_.poisson(t.press_central * s * 0.6)});
    national_row("press_item", "tv", {"items", ctx_.poisson(t.press_central * s * 0.4)});
    national_row("online_post", "portal",
                 {"posts", ctx_.poisson((y == 2022 && m <= 3 ? 297.0 : 320.0) * s)});
    national_row("hotline", "", {"calls", ctx_.poisson(2000.0 * s)});

    plant_yen_bai(y, m);
  }

  using Figure = std::pair<std::string, int64_t>;

  const Unit* pick_child(const Unit& u) {
    auto kids = g_.children(u.id, u.era);
    return kids.empty() ? &u : kids[ctx_.rng() % kids.size()];
  }
  const Unit* pick_descendant(const Unit& p, bool old) {
    auto kids = g_.children(p.id, old ? Era::old : Era::current);
    return kids.empty() ? &p : kids[ctx_.rng() % kids.size()];
  }

  // Seed 001, figures exactly as the Yên Bái portal reported them (scale 1 only: a smaller demo
  // keeps the proportions elsewhere and would contradict them).
  void plant_yen_bai(int y, int m) {
    const Unit* yb = g_.find("old:15");
    if (!yb || ctx_.opt.scale != 1.0) return;
    auto row = [&](const Unit& place, const char* kind, const char* channel, Figures figs,
                   std::vector<std::string> langs, std::string title, int day) {
      Activity a;
      a.place = place.id;
      a.reporting_unit = "old:15";
      a.kind = kind;
      a.channel = channel;
      a.date_from = a.date_to = Date{y, m, day};
      if (a.date_from > ctx_.opt.to) return;
      a.figures = std::move(figs);
      a.languages = std::move(langs);
      a.title = std::move(title);
      a.topics = {"voluntary_si", "household_hi"};
      put(a);
    };
    if (y == 2022) {
      // Spread over the year: one month's share of each programme line.
      struct Line {
        const char* channel;
        int total;
        std::vector<std::string> langs;
        const char* title;
      };
      const Line lines[] = {
          {"tv", 13, {"vi"}, "Chuyên mục \"BHXH với cuộc sống\""},
          {"tv", 13, {"vi"}, "Phóng sự truyền hình thời sự"},
          {"tv", 4, {"vi"}, "Chương trình phỏng vấn ghi hình"},
          {"tv", 2, {"vi"}, "Tin truyền hình"},
          {"radio", 23, {"vi"}, "Tin phát thanh"},
          {"radio", 22, {"vi"}, "Phóng sự phát thanh"},
          {"radio", 6, {"hmong"}, "Chương trình phát thanh, truyền hình tiếng Mông"},
          {"tv", 5, {"thai"}, "Chương trình phát thanh, truyền hình tiếng Thái"},
          {"radio", 5, {"dao"}, "Chương trình phát thanh, truyền hình tiếng Dao"},
          {"print_press", 44, {"vi"}, "Bài trên Báo Yên Bái"},
          {"online_press", 20, {"vi"}, "Tin trên Báo Yên Bái điện tử"},
      };
      for (const auto& l : lines) {
        int n = l.total / 12 + (m <= l.total % 12 ? 1 : 0);
        if (n > 0) row(*yb, "press_item", l.channel, {{"items", n}}, l.langs, l.title, 15);
      }
      if (m == 3 || m == 5 || m == 7 || m == 9 || m == 11) {
        row(*yb, "online_forum", "portal", {{"sessions", 1}, {"questions", 14}}, {"vi"},
            "Tọa đàm trên Cổng Thông tin điện tử tỉnh", 20);
      }
    }
    if (y == 2023 && m == 3) {
      const Unit* south = g_.find("old:132");  // the industrial south of the province
      const Unit& at = south ? *south : *yb;
      row(*yb, "campaign_launch", "", {{"events", 2}, {"participants", 300}}, {"vi"},
          "Lễ ra quân tuyên truyền BHXH, BHYT", 6);
      row(at, "dialogue", "", {{"events", 2}, {"attendees", 180}}, {"vi"},
          "Hội nghị đối thoại tại khu công nghiệp phía Nam tỉnh", 16);
      // 577 small-group sessions reaching 2,837 people, over the districts.
      auto districts = g_.children("old:15", Era::old);
      int sessions = 577, people = 2837;
      for (size_t i = 0; i < districts.size(); ++i) {
        int left = static_cast<int>(districts.size() - i);
        int s = sessions / left, p = people / left;
        sessions -= s;
        people -= p;
        row(*districts[i], "small_group", "", {{"events", s}, {"attendees", p}},
            {"vi", i % 2 ? "hmong" : "thai"}, "Truyền thông nhóm nhỏ", 1 + static_cast<int>(i) * 3);
      }
      row(*yb, "press_item", "online_press", {{"items", 211}}, {"vi"},
          "Tin, bài trên các cơ quan báo, đài", 31);
      row(*yb, "online_post", "facebook", {{"posts", 150}}, {"vi"}, "Sản phẩm truyền thông", 31);
      row(*yb, "online_post", "zalo", {{"posts", 96}}, {"vi"}, "Sản phẩm truyền thông", 31);
      row(*yb, "online_post", "youtube", {{"posts", 32}}, {"vi"}, "Sản phẩm truyền thông", 31);
      row(*yb, "online_post", "portal", {{"posts", 38}}, {"vi"},
          "Tin bài trên Cổng TTĐT của UBND tỉnh, website các sở, ngành", 31);
    }
  }

  using Figures = activities::Figures;

  DemoContext& ctx_;
  const places::Gazetteer& g_;
  std::vector<const Unit*> old_provinces_, new_provinces_, old_districts_, old_communes_,
      new_communes_;
  std::map<std::string, double> zeal_;
  std::map<std::string, std::vector<std::string>> langs_;
  double weight_total_[2] = {1, 1};
  int64_t pending_ = 0;
};

}  // namespace

void generate_activities(DemoContext& ctx) {
  Gen(ctx).run();
}

}  // namespace caunoi::demo
