// http/connection_limits.h — which TCP connections the server keeps open: a total cap, a cap per
// client address, and which idle connection gives way when the total is reached.
//
// Every open connection holds a file descriptor. 20,600 idle connections once exhausted the
// process's descriptors: /healthz went unanswered and accept failed in a loop. So the total stays
// well below RLIMIT_NOFILE (default_caps), leaving descriptors for SQLite, static files and the
// logs. At the total cap a newcomer takes the place of the connection idle the longest (waiting
// for a request header) rather than being refused: a flood of silent connections then cannot
// lock out the health check or a real user, it only shortens its own connections' lives. Only
// when every connection is mid-request is a newcomer refused. The per-address cap keeps one
// client from taking the whole table; a trusted reverse proxy (client_address.h) is exempt, since
// its connections carry many clients and the proxy bounds its own. No Beast here, so the policy is
// tested without sockets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace caunoi::http {

struct ConnectionCaps {
  size_t total = 0;
  size_t per_address = 0;
};

// The caps for a process allowed `fd_limit` descriptors.
ConnectionCaps default_caps(uint64_t fd_limit);

// Raises the soft RLIMIT_NOFILE to the hard limit (distributions start services at 1024 while
// allowing far more) and returns the soft limit in force afterwards.
uint64_t raise_fd_limit();

class ConnectionLimits {
 public:
  enum class Verdict { admitted, address_full, server_full };
  struct Admission {
    Verdict verdict = Verdict::admitted;
    uint64_t id = 0;                  // the new connection's, when admitted
    std::optional<uint64_t> evicted;  // the idle connection to close to make room
  };

  explicit ConnectionLimits(ConnectionCaps caps) : caps_(caps) {}

  // `address` empty: not counted per address (a trusted proxy). An evicted connection's slot
  // passes to the newcomer at once; the caller closes it.
  Admission admit(const std::string& address);
  // Idle = waiting for a request header, so it may be evicted; the oldest idle goes first.
  void set_idle(uint64_t id, bool idle);
  void release(uint64_t id);  // no-op for an evicted or unknown id
  size_t open() const;
  ConnectionCaps caps() const { return caps_; }

 private:
  struct Conn {
    std::string address;
    std::optional<std::list<uint64_t>::iterator> idle_at;
  };
  void drop(std::unordered_map<uint64_t, Conn>::iterator it);  // caller holds m_

  ConnectionCaps caps_;
  mutable std::mutex m_;
  uint64_t next_id_ = 1;
  std::unordered_map<uint64_t, Conn> conns_;
  std::unordered_map<std::string, size_t> per_address_;
  std::list<uint64_t> idle_;  // oldest first
};

}  // namespace caunoi::http
