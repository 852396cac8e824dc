// analytics/snapshot.cpp — see snapshot.h.
#include "analytics/snapshot.h"

namespace caunoi::analytics {

std::shared_ptr<const Engine> Snapshot::get() {
  std::lock_guard lock(m_);
  // Read the generation before building: an invalidate() during the build makes the next get()
  // build again instead of keeping a snapshot that missed it.
  uint64_t gen = generation_.load();
  if (current_ && built_ == gen) return current_;
  current_ = build_();
  built_ = gen;
  return current_;
}

}  // namespace caunoi::analytics
