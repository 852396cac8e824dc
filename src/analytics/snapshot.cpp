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

void Snapshot::refresh_in_background() {
  std::lock_guard lock(worker_m_);
  if (running_) {
    again_ = true;
    return;
  }
  if (worker_.joinable()) worker_.join();  // finished: running_ is false
  running_ = true;
  worker_ = std::thread([this] {
    for (;;) {
      try {
        get();
      } catch (...) {
        // The next get() from a request builds again and answers the error to its caller.
      }
      std::lock_guard lock(worker_m_);
      if (!again_) {
        running_ = false;
        return;
      }
      again_ = false;
    }
  });
}

void Snapshot::wait_background() {
  std::thread t;
  {
    std::lock_guard lock(worker_m_);
    again_ = false;
    t = std::move(worker_);
  }
  if (t.joinable()) t.join();
}

}  // namespace caunoi::analytics
