// tests/activities/fixture.h — a prepared database (units + activity tables) and a service over
// it, fresh for each test, plus a listener that records what the service announces.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "activities/service.h"
#include "app/bootstrap.h"
#include "foundation/test_db.h"
#include "places/gazetteer.h"

namespace caunoi::testutil {

struct RecordingListener : activities::FactListener {
  std::vector<activities::ActivityFact> added, removed;
  void on_added(const activities::ActivityFact& f) override { added.push_back(f); }
  void on_removed(const activities::ActivityFact& f) override { removed.push_back(f); }
};

class ActivitiesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The unit lists take a moment to install: that is done once, in the shared template.
    TempDb first(TempDb::prepared_template());
    g_ = new places::Gazetteer(places::Gazetteer::load(*store::open(first.path)));
  }
  static void TearDownTestSuite() { delete g_; }
  void SetUp() override {
    c_ = store::open(db_.path);
    svc_ = std::make_unique<activities::Service>(*c_, *g_);
    svc_->add_listener(&listener_);
  }

  // A conference in a commune of old Yên Bái on 15/03/2022.
  activities::Activity conference() const {
    activities::Activity a;
    a.reporting_unit = "old:15";
    a.place = "old:04270";
    a.date_from = a.date_to = Date{2022, 3, 15};
    a.kind = "conference";
    a.groups = {"farm_households", "ethnic_minorities"};
    a.topics = {"voluntary_si"};
    a.languages = {"hmong"};
    a.figures = {{"events", 1}, {"attendees", 85}};
    return a;
  }

  inline static places::Gazetteer* g_ = nullptr;
  TempDb db_{TempDb::prepared_template()};
  std::unique_ptr<store::Connection> c_;
  std::unique_ptr<activities::Service> svc_;
  RecordingListener listener_;
};

}  // namespace caunoi::testutil
