// analytics/snapshot.h — a second Engine over a filtered view of the data, built when first asked
// for and rebuilt only after it is declared stale.
//
// Reports of approved data only need aggregates over the approved (unit, month) cells. Approved
// months are locked against edits, so such an engine changes only when an approval is granted
// or reopened: the approval routes call invalidate(), and the next get() rebuilds from the
// database (seconds on the full demo data) while other readers keep the engine they hold.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "analytics/engine.h"

namespace caunoi::analytics {

class Snapshot {
 public:
  using Build = std::function<std::shared_ptr<const Engine>()>;
  explicit Snapshot(Build build) : build_(std::move(build)) {}

  std::shared_ptr<const Engine> get();
  void invalidate() { ++generation_; }

 private:
  Build build_;
  std::mutex m_;  // one rebuild at a time; readers of a fresh snapshot only copy the pointer
  std::atomic<uint64_t> generation_{1};
  uint64_t built_ = 0;
  std::shared_ptr<const Engine> current_;
};

}  // namespace caunoi::analytics
