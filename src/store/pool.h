// store/pool.h — connections for many threads.
//
// The HTTP server runs one worker per core; each request borrows a connection for its duration
// and gives it back. Connections are created lazily up to `size` and reused, so statement caches
// stay warm.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/store.h"

namespace caunoi::store {

class Pool {
 public:
  using Factory = std::function<std::unique_ptr<Connection>()>;

  class Lease {
   public:
    Lease(Pool& p, std::unique_ptr<Connection> c) : pool_(&p), c_(std::move(c)) {}
    Lease(Lease&& o) noexcept : pool_(o.pool_), c_(std::move(o.c_)) {}
    ~Lease() {
      if (c_) pool_->give_back(std::move(c_));
    }
    Connection& operator*() const { return *c_; }
    Connection* operator->() const { return c_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> c_;
  };

  Pool(Factory f, int size) : factory_(std::move(f)), size_(size) {}

  Lease acquire() {
    std::unique_lock lk(m_);
    cv_.wait(lk, [&] { return !idle_.empty() || created_ < size_; });
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(c));
    }
    ++created_;
    lk.unlock();
    try {
      return Lease(*this, factory_());
    } catch (...) {
      std::lock_guard g(m_);
      --created_;
      cv_.notify_one();
      throw;
    }
  }

  // Closes idle connections (on shutdown, after the workers have stopped).
  void close_idle() {
    std::lock_guard g(m_);
    created_ -= static_cast<int>(idle_.size());
    idle_.clear();
  }

 private:
  void give_back(std::unique_ptr<Connection> c) {
    c->reset_statements();  // no read snapshot carried over to the next borrower
    std::lock_guard g(m_);
    // A connection left inside a transaction is dropped, never reused.
    if (c->in_transaction())
      --created_;
    else
      idle_.push_back(std::move(c));
    cv_.notify_one();
  }

  Factory factory_;
  int size_;
  int created_ = 0;
  std::mutex m_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace caunoi::store
