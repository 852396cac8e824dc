// tests/analytics/snapshot_test.cpp — the approved-data engine is rebuilt in the background after
// an approval (or at start), and a reader afterwards gets it without building again.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "analytics/snapshot.h"
#include "world.h"

namespace caunoi {
namespace {

TEST(Snapshot, BackgroundRefreshBuildsOnceAndReadersThenOnlyCopy) {
  std::atomic<int> builds{0};
  analytics::Snapshot s([&] {
    ++builds;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return std::make_shared<const analytics::Engine>(testutil::gazetteer());
  });
  s.refresh_in_background();
  auto first = s.get();  // waits for the background build instead of starting its own
  s.wait_background();
  EXPECT_EQ(builds, 1);
  EXPECT_EQ(s.get(), first);

  // An approval: the next engine is built at once, and readers get it without building.
  s.invalidate();
  s.refresh_in_background();
  s.wait_background();
  EXPECT_EQ(builds, 2);
  auto second = s.get();
  EXPECT_NE(second, first);
  EXPECT_EQ(builds, 2);

  // Approvals during a build: one more build after it, not one per call.
  s.invalidate();
  s.refresh_in_background();
  s.invalidate();
  s.refresh_in_background();
  s.refresh_in_background();
  while (builds < 3) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  s.wait_background();
  int after = builds;
  EXPECT_LE(after, 4);  // the build running at the second call, and at most one more
  auto third = s.get();
  EXPECT_EQ(builds, after);  // the last build saw both invalidations
  EXPECT_NE(third, second);
}

}  // namespace
}  // namespace caunoi
