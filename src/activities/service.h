// activities/service.h — the activity log as the rest of the system uses it.
//
// The service validates every write (validate.h), runs it in a transaction on the caller's
// connection, keeps the history of versions (repository.h), and after each commit tells the
// registered FactListeners (analytics) what was added and removed. It also holds the current
// reference-list snapshot and the import jobs that the API runs in the background: on a few
// worker threads fed by a queue (ImportQueue), not a thread each, since every import holds its
// file, its checked rows and a database connection until it ends (issue 21: four at once took
// 4.1 GB).
//
// Thread-safe: one Service is shared by all HTTP workers, each with its own connection.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "activities/activity.h"
#include "activities/import.h"
#include "activities/reference.h"
#include "activities/repository.h"
#include "audit/log.h"
#include "places/gazetteer.h"
#include "store/pool.h"

namespace caunoi::activities {

// How many background imports run at once and wait. One by default: an import is one write
// transaction from its first row to its commit (import.h), and SQLite has one writer, so a
// second running import would only wait for the lock with its file in memory, and fail after
// the 5 s busy timeout if the first is large. Each running import holds a connection of the
// pool: `caunoi serve --import-workers` makes the pool that many larger than its HTTP workers.
struct ImportQueue {
  size_t workers = 1;  // imports running at once
  size_t waiting = 8;  // queued beyond those; more is refused (429 "import_queue_full")
};

// What GET /api/v1/imports/{id} shows.
struct ImportJob {
  int64_t id = 0;
  std::string state = "queued";    // queued | running | done | failed
  std::string phase = "checking";  // checking | writing (while running)
  std::string filename;
  std::string unit_id;  // whose import it is (ImportOptions::unit_id): who may read its progress
  std::string owner;    // ImportOptions::owner
  ImportReport report;
  std::string message;  // why it failed (an unreadable file, a database error)
};

class Service {
 public:
  // Loads the reference lists from `c` (migrations must have run).
  Service(store::Connection& c, const places::Gazetteer& g, ImportQueue queue = {});
  ~Service();  // waits for running imports; queued ones are marked failed, never started

  const places::Gazetteer& places() const { return g_; }
  std::shared_ptr<const Reference> reference() const;
  void add_reference(store::Connection& c, const audit::Actor& by, std::string_view list,
                     const RefEntry& e, const std::vector<std::string>& figures = {},
                     const std::vector<std::string>& channels = {});

  // An entry another server (or a command) wrote in the change feed (changes/feed.h): the facts
  // it names go to the listeners, a reference list is read again. false: not this part's entry.
  bool apply_change(store::Connection& c, const std::string& part, const std::string& payload);

  // Listeners are not owned; register them before serving and keep them alive as long as the
  // service.
  void add_listener(FactListener* l);
  void remove_listener(FactListener* l);

  // Form writes: validate (invalid_input "invalid_activity" with FieldErrors), write with the
  // audit record of `by` in one transaction, notify.
  Activity create(store::Connection& c, Activity a, const audit::Actor& by);
  Activity update(store::Connection& c, int64_t id, Activity a, const audit::Actor& by);
  void remove(store::Connection& c, int64_t id, const audit::Actor& by);
  Activity get(store::Connection& c, int64_t id) const;  // not_found "activity_not_found"
  std::vector<Activity> history(store::Connection& c, int64_t id) const;
  repo::ListResult list(store::Connection& c, const Filter& f, const Page& p) const;

  // A file import on the calling thread (the CLI). Listeners hear of the rows after commit.
  ImportReport import_file(store::Connection& c, std::string_view data, ImportOptions opt);
  // The same in the background, queued for a worker that takes a connection from `pool`; returns
  // the job id. Throws conflict "import_busy" while opt.owner has another import queued or
  // running, rate_limited "import_queue_full" when ImportQueue::waiting imports already wait.
  // `ended` hears the job once it is done or failed (on the worker, outside any lock): the API
  // writes the audit record of what the file wrote there.
  using JobEnded = std::function<void(const ImportJob&)>;
  int64_t start_import(store::Pool& pool, std::string data, ImportOptions opt, JobEnded ended = {});
  std::optional<ImportJob> job(int64_t id) const;

 private:
  void notify_added(const std::vector<ActivityFact>& facts);
  void notify_removed(const ActivityFact& f);
  void notify_range(store::Connection& c, int64_t first, int64_t last);
  void check(const Activity& a) const;
  struct Queued {
    int64_t id = 0;
    store::Pool* pool = nullptr;
    std::string data;
    ImportOptions opt;
    JobEnded ended;
  };
  void work();
  void run(Queued& q);

  const places::Gazetteer& g_;
  mutable std::mutex m_;
  std::shared_ptr<const Reference> ref_;
  std::vector<FactListener*> listeners_;
  std::map<int64_t, ImportJob> jobs_;
  int64_t next_job_ = 1;
  const ImportQueue queue_limits_;
  std::deque<Queued> queue_;
  std::map<std::string, int64_t> busy_;  // owner → its queued or running job
  std::condition_variable queue_cv_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;  // started as imports come, up to queue_limits_.workers
};

}  // namespace caunoi::activities
