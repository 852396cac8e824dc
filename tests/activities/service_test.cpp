// tests/activities/service_test.cpp — form writes through the service: validation in
// Vietnamese per field, soft delete with history, listeners, filters and facts.
#include <algorithm>

#include "activities/repository.h"
#include "common/error.h"
#include "fixture.h"

using namespace caunoi;
using activities::Activity;
using testutil::ActivitiesTest;

namespace {

std::vector<FieldError> errors_of(activities::Service& s, store::Connection& c, Activity a) {
  try {
    s.create(c, std::move(a), testutil::by("test"));
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "invalid_activity");
    return e.fields();
  }
  ADD_FAILURE() << "accepted";
  return {};
}

bool has_field(const std::vector<FieldError>& errs, const std::string& field) {
  return std::any_of(errs.begin(), errs.end(), [&](const auto& e) { return e.field == field; });
}

}  // namespace

TEST_F(ActivitiesTest, CreateGetAndNotify) {
  Activity a = svc_->create(*c_, conference(), testutil::by("nguyenvana"));
  ASSERT_GT(a.id, 0);
  Activity b = svc_->get(*c_, a.id);
  EXPECT_EQ(b.place, "old:04270");
  EXPECT_EQ(b.figure("attendees"), 85);
  EXPECT_EQ(b.created_by, "nguyenvana");
  EXPECT_EQ(b.groups, (std::vector<std::string>{"ethnic_minorities", "farm_households"}));
  ASSERT_EQ(listener_.added.size(), 1u);
  EXPECT_EQ(listener_.added[0].id, a.id);
  EXPECT_EQ(listener_.added[0].kind, "conference");
}

TEST_F(ActivitiesTest, FigureNotFittingTheKindIsRefusedInVietnamese) {
  Activity a = conference();
  a.figures.push_back({"broadcasts", 3});
  auto errs = errors_of(*svc_, *c_, a);
  ASSERT_TRUE(has_field(errs, "figures.broadcasts"));
  auto it = std::find_if(errs.begin(), errs.end(),
                         [](const auto& e) { return e.field == "figures.broadcasts"; });
  EXPECT_NE(it->message.find("không áp dụng cho loại hoạt động"), std::string::npos);
  EXPECT_TRUE(listener_.added.empty());
  EXPECT_EQ(activities::repo::count_live(*c_), 0);
}

TEST_F(ActivitiesTest, NegativeFutureUnknownAndWrongEraAreEachNamed) {
  Activity a = conference();
  a.figures = {{"events", 1}, {"attendees", -5}};
  EXPECT_TRUE(has_field(errors_of(*svc_, *c_, a), "figures.attendees"));

  a = conference();
  a.date_from = a.date_to = Date::today().add_days(3);
  a.place = "15";  // today's Lào Cai, right era for a future date: only the date is wrong
  a.reporting_unit = "15";
  auto errs = errors_of(*svc_, *c_, a);
  EXPECT_TRUE(has_field(errs, "date_from"));
  EXPECT_FALSE(has_field(errs, "place"));

  a = conference();
  a.topics = {"no_such_topic"};
  a.languages = {"klingon"};
  a.kind = "seance";
  errs = errors_of(*svc_, *c_, a);
  EXPECT_TRUE(has_field(errs, "topics"));
  EXPECT_TRUE(has_field(errs, "languages"));
  EXPECT_TRUE(has_field(errs, "kind"));

  a = conference();
  a.date_from = a.date_to = Date{2025, 8, 1};  // after the reform an old commune is not valid
  errs = errors_of(*svc_, *c_, a);
  EXPECT_TRUE(has_field(errs, "place"));

  a = conference();
  a.place = "03037";  // today's commune Tả Van, before the reform
  EXPECT_TRUE(has_field(errors_of(*svc_, *c_, a), "place"));

  a = conference();
  a.kind = "online_post";
  a.figures = {{"posts", 4}};
  EXPECT_TRUE(has_field(errors_of(*svc_, *c_, a), "channel"));  // posts need their channel
  a.channel = "facebook";
  EXPECT_NO_THROW(svc_->create(*c_, a, testutil::by("test")));
}

TEST_F(ActivitiesTest, UpdateAndSoftDeleteKeepEveryVersion) {
  Activity a = svc_->create(*c_, conference(), testutil::by("a"));
  Activity changed = a;
  changed.figures = {{"events", 1}, {"attendees", 120}};
  Activity b = svc_->update(*c_, a.id, changed, testutil::by("b"));
  EXPECT_EQ(b.version, 2);
  svc_->remove(*c_, a.id, testutil::by("c"));
  EXPECT_THROW(svc_->get(*c_, a.id), Error);
  auto hist = svc_->history(*c_, a.id);
  ASSERT_EQ(hist.size(), 2u);
  EXPECT_EQ(hist[0].figure("attendees"), 85);
  EXPECT_EQ(hist[1].figure("attendees"), 120);
  auto stored = activities::repo::get(*c_, a.id);
  ASSERT_TRUE(stored);
  EXPECT_TRUE(stored->deleted);
  EXPECT_EQ(stored->version, 3);
  // The listener saw: add, (remove old + add new), remove.
  ASSERT_EQ(listener_.added.size(), 2u);
  ASSERT_EQ(listener_.removed.size(), 2u);
  EXPECT_EQ(listener_.removed[0].figures, a.figures);
  int facts = 0;
  activities::scan_facts(*c_, [&](const activities::ActivityFact&) { ++facts; });
  EXPECT_EQ(facts, 0);
}

TEST_F(ActivitiesTest, InvalidUpdateLeavesTheRecordAlone) {
  Activity a = svc_->create(*c_, conference(), testutil::by("a"));
  Activity bad = a;
  bad.figures = {{"calls", 5}};
  EXPECT_THROW(svc_->update(*c_, a.id, bad, testutil::by("b")), Error);
  EXPECT_EQ(svc_->get(*c_, a.id).version, 1);
  EXPECT_TRUE(svc_->history(*c_, a.id).empty());
}

TEST_F(ActivitiesTest, ListFiltersBySubtreeAcrossErasKindGroupAndPeriod) {
  svc_->create(*c_, conference(), testutil::by("t"));  // old Yên Bái commune, 2022
  Activity hanoi = conference();
  hanoi.place = "old:00001";  // Phúc Xá, Hà Nội
  hanoi.reporting_unit = "old:01";
  hanoi.groups = {"students"};
  svc_->create(*c_, hanoi, testutil::by("t"));
  Activity later = conference();
  later.place = "03037";  // Tả Van in today's Lào Cai, which holds old Yên Bái
  later.reporting_unit = "15";
  later.date_from = later.date_to = Date{2025, 9, 1};
  svc_->create(*c_, later, testutil::by("t"));

  activities::Filter f;
  f.unit = "15";
  EXPECT_EQ(svc_->list(*c_, f, {}).total, 2);
  f.unit = "old:15";
  EXPECT_EQ(svc_->list(*c_, f, {}).total, 1);
  f = {};
  f.group = "students";
  EXPECT_EQ(svc_->list(*c_, f, {}).total, 1);
  f = {};
  f.from = Date{2025, 1, 1};
  auto res = svc_->list(*c_, f, {});
  ASSERT_EQ(res.total, 1);
  EXPECT_EQ(res.items[0].place, "03037");
  f = {};
  activities::Page page{1, 1};
  res = svc_->list(*c_, f, page);
  EXPECT_EQ(res.total, 3);
  ASSERT_EQ(res.items.size(), 1u);
  EXPECT_EQ(res.items[0].date_from, (Date{2022, 3, 15}));  // newest first, second of three
  f.kind = "loudspeaker";
  EXPECT_EQ(svc_->list(*c_, f, {}).total, 0);
}

TEST_F(ActivitiesTest, AdministratorExtendsAList) {
  activities::RefEntry e{"radio_quiz", "Đố vui trên sóng phát thanh", "event", 0};
  svc_->add_reference(*c_, testutil::by(), "kind", e, {"events", "participants"});
  Activity a = conference();
  a.kind = "radio_quiz";
  a.figures = {{"participants", 40}};
  EXPECT_NO_THROW(svc_->create(*c_, a, testutil::by("t")));
  EXPECT_THROW(svc_->add_reference(*c_, testutil::by(), "kind", e, {"events"}), Error);  // taken
  activities::RefEntry bad{"Bad Code", "x", "", 0};
  EXPECT_THROW(svc_->add_reference(*c_, testutil::by(), "topic", bad), Error);
  // A meeting-type kind counts in the dispatch's "hội nghị" total; a misspelt category is refused
  // by name, in Vietnamese, rather than counting nowhere.
  activities::RefEntry seminar{"seminar", "Hội thảo chuyên đề", "meeting", 0};
  svc_->add_reference(*c_, testutil::by(), "kind", seminar, {"events", "attendees"});
  EXPECT_TRUE(svc_->reference()->is_meeting("seminar"));
  activities::RefEntry typo{"seminar_2", "Hội thảo", "meetng", 0};
  try {
    svc_->add_reference(*c_, testutil::by(), "kind", typo, {"events"});
    ADD_FAILURE() << "an unknown category was taken";
  } catch (const Error& err) {
    ASSERT_EQ(err.fields().size(), 1u);
    EXPECT_EQ(err.fields()[0].field, "category");
    EXPECT_NE(err.fields()[0].message.find("loại hoạt động"), std::string::npos);
  }
  try {
    svc_->add_reference(*c_, testutil::by(), "kind", seminar, {"events"});
    ADD_FAILURE() << "a code was reused";
  } catch (const Error& err) {
    EXPECT_EQ(err.code(), "ref_exists");
    EXPECT_NE(std::string(err.what()).find("danh mục loại hoạt động"), std::string::npos);
  }
}
