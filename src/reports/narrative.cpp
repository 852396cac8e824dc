// reports/narrative.cpp — see narrative.h.
#include "reports/narrative.h"

#include "analytics/month.h"
#include "common/format_vi.h"
#include "reports/wording.h"

namespace caunoi::reports {
namespace {

analytics::Figure fig(const analytics::Engine& e, const char* indicator, const places::Unit& u,
                      const periods::Period& p, bool compare) {
  analytics::Query q;
  q.indicator = indicator;
  q.unit = u.id;
  q.period = p;
  q.compare = compare;
  return e.query(q).total;
}

std::string cmp_tail(const analytics::Figure& f, const periods::Period& p) {
  if (!f.value || !f.previous || *f.previous <= 0) return "";
  std::string r = ratio_vi(*f.value, *f.previous);
  if (r.empty()) return "";
  if (r == "bằng") return ", bằng cùng kỳ năm " + std::to_string(p.from.year - 1);
  return ", " + r + " so với cùng kỳ năm " + std::to_string(p.from.year - 1);
}

// "quý I/2022" when the stock is as of the quarter's (year's) end, else "tháng 3/2022".
std::string as_of_label(const periods::Period& p, int month) {
  if (month == analytics::month_index(p.to)) {
    if (p.kind == periods::Kind::quarter || p.kind == periods::Kind::year) return p.vi();
  }
  return "tháng " + std::to_string(analytics::month_of(month)) + "/" +
         std::to_string(analytics::year_of(month));
}

std::string people(double v) {
  std::string s = approx_vi(v);
  return s + " người";
}

std::string target_clause(const analytics::Figure& f, const char* what) {
  if (!f.value || !f.target) return "";
  std::string t = format_percent_vi(*f.target, 2);
  if (*f.value >= *f.target) return std::string(", vượt chỉ tiêu ") + what + " (" + t + ")";
  return std::string(", chưa đạt chỉ tiêu ") + what + " (" + t + ")";
}

}  // namespace

std::string activity_sentence(const analytics::Engine& e, const places::Unit& u,
                              const periods::Period& p, bool compare) {
  auto meetings = fig(e, "meetings", u, p, compare);
  auto attendees = fig(e, "meeting_attendees", u, p, false);
  std::vector<std::string> clauses;
  std::string first;
  if (meetings.value.value_or(0) > 0) {
    const auto& ind = analytics::get_indicator("meetings");
    first =
        "đã tổ chức " + approx_vi(*meetings.value) + " " + ind.narrative + cmp_tail(meetings, p);
    if (attendees.value.value_or(0) > 0)
      first += ", với " + approx_vi(*attendees.value) + " " +
               analytics::get_indicator("meeting_attendees").narrative;
    clauses.push_back(first);
  }
  for (const char* code : {"loudspeaker_broadcasts", "press_items", "online_posts"}) {
    auto f = fig(e, code, u, p, compare);
    if (f.value.value_or(0) <= 0) continue;
    std::string c =
        approx_vi(*f.value) + " " + analytics::get_indicator(code).narrative + cmp_tail(f, p);
    if (clauses.empty()) c = "đã có " + c;
    clauses.push_back(c);
  }
  if (clauses.empty()) return "";
  std::string s = p.vi_lead() + ", " + e.places().display_name(u) + " ";
  for (size_t i = 0; i < clauses.size(); ++i) s += (i ? "; " : "") + clauses[i];
  return s + ".";
}

std::string participation_sentence(const analytics::Engine& e, const places::Unit& u,
                                   const periods::Period& p, bool compare) {
  auto total = fig(e, "bhxh_participants", u, p, compare);
  auto share = fig(e, "bhxh_labour_share", u, p, false);
  auto comp = fig(e, "bhxh_compulsory", u, p, false);
  auto vol = fig(e, "bhxh_voluntary", u, p, false);
  auto bhtn = fig(e, "bhtn", u, p, compare);
  auto bhyt = fig(e, "bhyt", u, p, compare);
  auto cov = fig(e, "bhyt_coverage", u, p, false);
  std::vector<std::string> parts;
  std::optional<int> as_of;
  if (total.value) {
    as_of = total.as_of;
    std::string s = "số người tham gia BHXH là " + people(*total.value);
    if (share.value)
      s += ", đạt " + format_percent_vi(*share.value, 2) + " lực lượng lao động trong độ tuổi";
    s += target_clause(share, "được giao");
    if (comp.value && vol.value)
      s += " (trong đó có: " + people(*comp.value) + " tham gia BHXH bắt buộc, " +
           people(*vol.value) + " tham gia BHXH tự nguyện)";
    s += cmp_tail(total, p);
    parts.push_back(s);
  }
  if (bhtn.value) {
    as_of = as_of ? as_of : bhtn.as_of;
    parts.push_back("số người tham gia BHTN là " + people(*bhtn.value) + cmp_tail(bhtn, p));
  }
  if (bhyt.value) {
    as_of = as_of ? as_of : bhyt.as_of;
    std::string s = "số người tham gia BHYT là " + people(*bhyt.value);
    if (cov.value) s += ", đạt tỷ lệ bao phủ " + format_percent_vi(*cov.value, 2) + " dân số";
    s += target_clause(cov, "được giao");
    s += cmp_tail(bhyt, p);
    parts.push_back(s);
  }
  if (parts.empty() || !as_of) return "";
  std::string s = "Tính đến hết " + as_of_label(p, *as_of) + ", ";
  if (u.level != places::Level::country) s += "tại " + e.places().display_name(u) + ", ";
  for (size_t i = 0; i < parts.size(); ++i) s += (i ? "; " : "") + parts[i];
  return s + ".";
}

std::string narrative(const analytics::Engine& e, const places::Unit& u, const periods::Period& p,
                      bool compare) {
  std::string a = activity_sentence(e, u, p, compare);
  std::string b = participation_sentence(e, u, p, compare);
  if (a.empty()) return b;
  if (b.empty()) return a;
  return a + " " + b;
}

}  // namespace caunoi::reports
