// tests/activities/gate.h — holds background imports inside their row check until the test lets
// them go, so that what is queued and what runs can be seen without racing the imports.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

#include "activities/import.h"

namespace caunoi::testutil {

class Gate {
 public:
  // An ImportOptions::row_check that waits at the gate (each import's first row waits; the
  // others pass once it is open).
  auto row_check() {
    return [this](store::Connection&, const activities::Activity&) -> std::optional<FieldError> {
      std::unique_lock lk(m_);
      ++inside_;
      most_ = std::max(most_, inside_);
      cv_.notify_all();
      cv_.wait(lk, [&] { return open_; });
      --inside_;
      return std::nullopt;
    };
  }
  // Waits until `n` imports are held at once (false after 10 s).
  bool wait_inside(int n) {
    std::unique_lock lk(m_);
    return cv_.wait_for(lk, std::chrono::seconds(10), [&] { return inside_ >= n; });
  }
  void open() {
    {
      std::lock_guard lk(m_);
      open_ = true;
    }
    cv_.notify_all();
  }
  int inside() {
    std::lock_guard lk(m_);
    return inside_;
  }
  int most() {
    std::lock_guard lk(m_);
    return most_;
  }
  ~Gate() { open(); }

  // Opens the gate as it goes out of scope. Declared after the service, it lets the service's
  // workers go before the service joins them, whatever way the test ends.
  struct OpenOnExit {
    Gate& gate;
    ~OpenOnExit() { gate.open(); }
  };

 private:
  std::mutex m_;
  std::condition_variable cv_;
  int inside_ = 0, most_ = 0;
  bool open_ = false;
};

}  // namespace caunoi::testutil
