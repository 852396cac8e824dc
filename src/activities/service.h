// activities/service.h — the activity log as the rest of the system uses it.
//
// The service validates every write (validate.h), runs it in a transaction on the caller's
// connection, keeps the history of versions (repository.h), and after each commit tells the
// registered FactListeners (analytics) what was added and removed. It also holds the current
// reference-list snapshot and the import jobs that the API runs in the background.
//
// Thread-safe: one Service is shared by all HTTP workers, each with its own connection.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "activities/activity.h"
#include "activities/import.h"
#include "activities/reference.h"
#include "activities/repository.h"
#include "places/gazetteer.h"
#include "store/pool.h"

namespace caunoi::activities {

// What GET /api/v1/imports/{id} shows.
struct ImportJob {
  int64_t id = 0;
  std::string state = "running";   // running | done | failed
  std::string phase = "checking";  // checking | writing (while running)
  std::string filename;
  std::string unit_id;  // whose import it is (ImportOptions::unit_id): who may read its progress
  ImportReport report;
  std::string message;  // why it failed (an unreadable file, a database error)
};

class Service {
 public:
  // Loads the reference lists from `c` (migrations must have run).
  Service(store::Connection& c, const places::Gazetteer& g);
  ~Service();  // waits for running imports

  const places::Gazetteer& places() const { return g_; }
  std::shared_ptr<const Reference> reference() const;
  void add_reference(store::Connection& c, std::string_view list, const RefEntry& e,
                     const std::vector<std::string>& figures = {},
                     const std::vector<std::string>& channels = {});

  // Listeners are not owned; register them before serving and keep them alive as long as the
  // service.
  void add_listener(FactListener* l);
  void remove_listener(FactListener* l);

  // Form writes: validate (invalid_input "invalid_activity" with FieldErrors), write, notify.
  Activity create(store::Connection& c, Activity a, const std::string& by);
  Activity update(store::Connection& c, int64_t id, Activity a, const std::string& by);
  void remove(store::Connection& c, int64_t id, const std::string& by);
  Activity get(store::Connection& c, int64_t id) const;  // not_found "activity_not_found"
  std::vector<Activity> history(store::Connection& c, int64_t id) const;
  repo::ListResult list(store::Connection& c, const Filter& f, const Page& p) const;

  // A file import on the calling thread (the CLI). Listeners hear of the rows after commit.
  ImportReport import_file(store::Connection& c, std::string_view data, ImportOptions opt);
  // The same on a background thread with its own connection from `pool`; returns the job id.
  int64_t start_import(store::Pool& pool, std::string data, ImportOptions opt);
  std::optional<ImportJob> job(int64_t id) const;

 private:
  void notify_added(const std::vector<ActivityFact>& facts);
  void notify_removed(const ActivityFact& f);
  void notify_range(store::Connection& c, int64_t first, int64_t last);
  void check(const Activity& a) const;

  const places::Gazetteer& g_;
  mutable std::mutex m_;
  std::shared_ptr<const Reference> ref_;
  std::vector<FactListener*> listeners_;
  std::map<int64_t, ImportJob> jobs_;
  std::vector<std::thread> threads_;
  int64_t next_job_ = 1;
};

}  // namespace caunoi::activities
