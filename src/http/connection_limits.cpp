// http/connection_limits.cpp — see connection_limits.h.
#include "http/connection_limits.h"

#include <sys/resource.h>

#include <algorithm>

namespace caunoi::http {

namespace {

ConnectionLimits::Admission refused(ConnectionLimits::Verdict why) {
  ConnectionLimits::Admission a;
  a.verdict = why;
  return a;
}

}  // namespace

ConnectionCaps default_caps(uint64_t fd_limit) {
  // A quarter of the descriptors (at least 64) stay free for the database, static files, logs
  // and the connections refused or evicted while the table is full. Beyond 10,000 connections
  // memory, not descriptors, is the limit: an idle session holds its parser and buffers.
  uint64_t reserve = std::max<uint64_t>(64, fd_limit / 4);
  uint64_t total = fd_limit > reserve ? fd_limit - reserve : std::max<uint64_t>(1, fd_limit / 2);
  total = std::min<uint64_t>(total, 10000);
  // A commune office behind one NAT address: a few dozen browsers, six connections each.
  uint64_t per_address = std::clamp<uint64_t>(total / 8, 1, 256);
  return {static_cast<size_t>(total), static_cast<size_t>(per_address)};
}

uint64_t raise_fd_limit() {
  rlimit rl{};
  if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return 1024;
  if (rl.rlim_cur < rl.rlim_max) {
    rlimit want = rl;
    want.rlim_cur = rl.rlim_max;
    // An unlimited hard limit is refused above fs.nr_open; 2^20 is its usual value.
    if (::setrlimit(RLIMIT_NOFILE, &want) != 0) {
      want.rlim_cur = std::min<rlim_t>(rl.rlim_max, 1 << 20);
      ::setrlimit(RLIMIT_NOFILE, &want);
    }
    ::getrlimit(RLIMIT_NOFILE, &rl);
  }
  return rl.rlim_cur == RLIM_INFINITY ? (1 << 20) : static_cast<uint64_t>(rl.rlim_cur);
}

ConnectionLimits::Admission ConnectionLimits::admit(const std::string& address) {
  std::lock_guard g(m_);
  Admission a;
  if (!address.empty() && caps_.per_address) {
    auto it = per_address_.find(address);
    if (it != per_address_.end() && it->second >= caps_.per_address)
      return refused(Verdict::address_full);
  }
  if (caps_.total && conns_.size() >= caps_.total) {
    if (idle_.empty()) return refused(Verdict::server_full);
    a.evicted = idle_.front();
    drop(conns_.find(idle_.front()));
  }
  a.id = next_id_++;
  conns_.emplace(a.id, Conn{address, std::nullopt});
  if (!address.empty()) ++per_address_[address];
  return a;
}

void ConnectionLimits::set_idle(uint64_t id, bool idle) {
  std::lock_guard g(m_);
  auto it = conns_.find(id);
  if (it == conns_.end() || it->second.idle_at.has_value() == idle) return;
  if (idle) {
    it->second.idle_at = idle_.insert(idle_.end(), id);
  } else {
    idle_.erase(*it->second.idle_at);
    it->second.idle_at.reset();
  }
}

void ConnectionLimits::release(uint64_t id) {
  std::lock_guard g(m_);
  auto it = conns_.find(id);
  if (it != conns_.end()) drop(it);
}

size_t ConnectionLimits::open() const {
  std::lock_guard g(m_);
  return conns_.size();
}

void ConnectionLimits::drop(std::unordered_map<uint64_t, Conn>::iterator it) {
  if (it->second.idle_at) idle_.erase(*it->second.idle_at);
  if (!it->second.address.empty()) {
    auto pa = per_address_.find(it->second.address);
    if (--pa->second == 0) per_address_.erase(pa);
  }
  conns_.erase(it);
}

}  // namespace caunoi::http
