// analytics/snapshot.h — a second Engine over a filtered view of the data, built when first asked
// for and rebuilt only after it is declared stale.
//
// Reports of approved data only need aggregates over the approved (unit, month) cells. Approved
// months are locked against edits, so such an engine changes only when an approval is granted
// or reopened: the approval routes call invalidate(), and the next get() rebuilds from the
// database (seconds on the full demo data) while other readers keep the engine they hold.
// refresh_in_background() does that rebuild at once on a thread of its own (the server calls it
// at start and after each approval), so that the leader who next asks for approved data does
// not wait for it: under a debug build the first such report took 29 s.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "analytics/engine.h"

namespace caunoi::analytics {

class Snapshot {
 public:
  using Build = std::function<std::shared_ptr<const Engine>()>;
  explicit Snapshot(Build build) : build_(std::move(build)) {}
  ~Snapshot() { wait_background(); }
  Snapshot(const Snapshot&) = delete;
  Snapshot& operator=(const Snapshot&) = delete;

  std::shared_ptr<const Engine> get();
  void invalidate() { ++generation_; }
  // The approved data changed (an approval granted or reopened, here or on another server):
  // invalidate, and rebuild at once in the background.
  void changed() {
    invalidate();
    refresh_in_background();
  }
  // Builds what the next get() would, on a background thread; a call during a running build makes
  // it build once more when done (it may have read the data before the latest approval).
  void refresh_in_background();
  // Joins the background build, if any (before what build() uses goes away).
  void wait_background();

 private:
  Build build_;
  std::mutex worker_m_;
  std::thread worker_;
  bool running_ = false, again_ = false;
  std::mutex m_;  // one rebuild at a time; readers of a fresh snapshot only copy the pointer
  std::atomic<uint64_t> generation_{1};
  uint64_t built_ = 0;
  std::shared_ptr<const Engine> current_;
};

}  // namespace caunoi::analytics
