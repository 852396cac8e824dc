// bench/proc.h — measuring memory the way the benchmarks report it: this process's resident
// memory and its peak (/proc/self/status), and the peak of a baseline run as another process
// (Spawner), so that every figure printed is measured, none estimated from capacities.
#pragma once

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <utility>

namespace caunoi::bench {

// A line of /proc/self/status ("VmHWM", "VmRSS") in kB; -1 if unreadable.
inline long status_kb(const char* field) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string key = std::string(field) + ":";
  while (std::getline(in, line)) {
    if (line.rfind(key, 0) == 0) return std::atol(line.c_str() + key.size());
  }
  return -1;
}

// Sets VmHWM back to the present VmRSS (Linux 4.0 on); false where that is not allowed.
inline bool reset_peak() {
  int fd = ::open("/proc/self/clear_refs", O_WRONLY);
  if (fd < 0) return false;
  bool ok = ::write(fd, "5", 1) == 1;
  ::close(fd);
  return ok;
}

inline double mb(long kb) {
  return static_cast<double>(kb) / 1024.0;
}

// Runs shell commands from a process forked before the bench holds anything. A child's ru_maxrss
// starts at the resident size of the process it was forked from (the kernel copies it with the
// memory), so a baseline forked by the bench itself would report the bench's own size.
class Spawner {
 public:
  Spawner() {
    if (::pipe(to_) != 0 || ::pipe(from_) != 0) std::abort();
    pid_ = ::fork();
    if (pid_ == 0) {
      ::close(to_[1]);
      ::close(from_[0]);
      serve();
      ::_exit(0);
    }
    ::close(to_[0]);
    ::close(from_[1]);
  }
  ~Spawner() {
    ::close(to_[1]);
    ::close(from_[0]);
    ::waitpid(pid_, nullptr, 0);
  }
  Spawner(const Spawner&) = delete;
  Spawner& operator=(const Spawner&) = delete;

  // `cmd` by /bin/sh: its exit status and the peak resident memory (kB) of it and its children.
  std::pair<int, long> run(const std::string& cmd) {
    size_t n = cmd.size();
    if (!put(to_[1], &n, sizeof n) || !put(to_[1], cmd.data(), n)) return {-1, 0};
    long out[2] = {-1, 0};
    if (!get(from_[0], out, sizeof out)) return {-1, 0};
    return {static_cast<int>(out[0]), out[1]};
  }

 private:
  static bool put(int fd, const void* p, size_t n) {
    for (size_t done = 0; done < n;) {
      ssize_t w = ::write(fd, static_cast<const char*>(p) + done, n - done);
      if (w <= 0) return false;
      done += static_cast<size_t>(w);
    }
    return true;
  }
  static bool get(int fd, void* p, size_t n) {
    for (size_t done = 0; done < n;) {
      ssize_t r = ::read(fd, static_cast<char*>(p) + done, n - done);
      if (r <= 0) return false;
      done += static_cast<size_t>(r);
    }
    return true;
  }
  void serve() {
    for (size_t n; get(to_[0], &n, sizeof n);) {
      std::string cmd(n, '\0');
      if (!get(to_[0], cmd.data(), n)) return;
      pid_t child = ::fork();
      if (child == 0) {
        ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
      }
      int status = 0;
      struct rusage ru {};
      ::wait4(child, &status, 0, &ru);  // the shell and what it waited for
      long out[2] = {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ru.ru_maxrss};
      if (!put(from_[1], out, sizeof out)) return;
    }
  }
  int to_[2], from_[2];
  pid_t pid_;
};

}  // namespace caunoi::bench
