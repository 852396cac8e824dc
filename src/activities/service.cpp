// activities/service.cpp — see service.h.
#include "activities/service.h"

#include <spdlog/spdlog.h>

#include "activities/audit_image.h"
#include "activities/change_feed.h"
#include "activities/validate.h"
#include "common/error.h"
#include "sheets/headings.h"

namespace caunoi::activities {

Service::Service(store::Connection& c, const places::Gazetteer& g, ImportQueue queue)
    : g_(g), ref_(Reference::load(c)), queue_limits_(queue) {
  // The import headings and short names (data/import/) are read at start: a broken file stops
  // the start, not the first import.
  sheets::Headings::standard();
  sheets::Headings::standard(sheets::Headings::kShortNamesFile);
}

Service::~Service() {
  std::vector<std::thread> workers;
  {
    std::lock_guard lk(m_);
    stopping_ = true;
    for (const Queued& q : queue_) {
      ImportJob& j = jobs_[q.id];
      j.state = "failed";
      j.message = "Máy chủ dừng trước khi đến lượt nhập tệp này; không dòng nào được ghi.";
    }
    queue_.clear();
    workers.swap(workers_);
  }
  queue_cv_.notify_all();
  for (auto& t : workers) t.join();
}

std::shared_ptr<const Reference> Service::reference() const {
  std::lock_guard lk(m_);
  return ref_;
}

void Service::add_reference(store::Connection& c, const audit::Actor& by, std::string_view list,
                            const RefEntry& e, const std::vector<std::string>& figures,
                            const std::vector<std::string>& channels) {
  activities::add_reference(c, by, list, e, figures, channels);
  auto fresh = Reference::load(c);
  std::lock_guard lk(m_);
  ref_ = std::move(fresh);
}

bool Service::apply_change(store::Connection& c, const std::string& part,
                           const std::string& payload) {
  if (part == feed::kReference) {
    auto fresh = Reference::load(c);
    std::lock_guard lk(m_);
    ref_ = std::move(fresh);
    return true;
  }
  if (part != feed::kActivities) return false;
  std::vector<ActivityFact> batch;  // an import's rows, a batch at a time as notify_range does
  feed::read(
      c, payload, [&](const ActivityFact& f) { notify_removed(f); },
      [&](const ActivityFact& f) {
        batch.push_back(f);
        if (batch.size() == 10000) {
          notify_added(batch);
          batch.clear();
        }
      });
  notify_added(batch);
  return true;
}

void Service::add_listener(FactListener* l) {
  std::lock_guard lk(m_);
  listeners_.push_back(l);
}

void Service::remove_listener(FactListener* l) {
  std::lock_guard lk(m_);
  std::erase(listeners_, l);
}

void Service::notify_added(const std::vector<ActivityFact>& facts) {
  std::vector<FactListener*> ls;
  {
    std::lock_guard lk(m_);
    ls = listeners_;
  }
  for (auto* l : ls)
    for (const auto& f : facts) l->on_added(f);
}

void Service::notify_removed(const ActivityFact& f) {
  std::vector<FactListener*> ls;
  {
    std::lock_guard lk(m_);
    ls = listeners_;
  }
  for (auto* l : ls) l->on_removed(f);
}

void Service::notify_range(store::Connection& c, int64_t first, int64_t last) {
  {
    std::lock_guard lk(m_);
    if (listeners_.empty() || first == 0) return;
  }
  // In batches, so a million imported rows never sit in memory together.
  std::vector<ActivityFact> batch;
  repo::each_in_range(c, first, last, [&](const Activity& a) {
    batch.push_back(a.fact());
    if (batch.size() == 10000) {
      notify_added(batch);
      batch.clear();
    }
  });
  notify_added(batch);
}

void Service::check(const Activity& a) const {
  auto errs = validate(a, *reference(), g_, Date::today());
  if (!errs.empty()) {
    throw invalid("invalid_activity", "Hoạt động chưa hợp lệ, xin kiểm tra lại các trường.",
                  std::move(errs));
  }
}

Activity Service::create(store::Connection& c, Activity a, const audit::Actor& by) {
  a.id = 0;
  a.created_by = by.username;
  a.created_at.clear();
  a.updated_at.clear();
  if (a.date_to == Date{} || a.date_to < a.date_from) {
    if (a.date_to == Date{}) a.date_to = a.date_from;
  }
  normalize(a);
  check(a);
  {
    store::Transaction tx(c);
    repo::insert(c, a);
    audit::record_change(c, by, audit_image(a), a.reporting_unit);
    feed::record_versions(c, {{a.id, a.version}}, {});
    tx.commit();
  }
  notify_added({a.fact()});
  return a;
}

Activity Service::get(store::Connection& c, int64_t id) const {
  auto a = repo::get(c, id);
  if (!a || a->deleted) {
    throw not_found("activity_not_found",
                    "Không tìm thấy hoạt động số " + std::to_string(id) + ".");
  }
  return *a;
}

Activity Service::update(store::Connection& c, int64_t id, Activity a, const audit::Actor& by) {
  Activity old;
  {
    store::Transaction tx(c);
    old = get(c, id);
    a.id = id;
    a.created_by = old.created_by;
    a.created_at = old.created_at;
    // The reference is the row's identity in the file or system it came from: an update that
    // leaves it out keeps it, or importing that file again would add the row a second time. It
    // can be changed, not removed.
    if (a.external_ref.empty()) a.external_ref = old.external_ref;
    if (a.date_to == Date{}) a.date_to = a.date_from;
    normalize(a);
    check(a);
    repo::update(c, a, by.username);
    audit::record_change(c, by, audit_image(a), a.reporting_unit);
    feed::record_versions(c, {{a.id, a.version}}, {{id, old.version}});
    tx.commit();
  }
  notify_removed(old.fact());
  notify_added({a.fact()});
  return a;
}

void Service::remove(store::Connection& c, int64_t id, const audit::Actor& by) {
  Activity old;
  {
    store::Transaction tx(c);
    old = get(c, id);
    repo::soft_delete(c, id, by.username);
    audit::record_change(c, by, "", old.reporting_unit);
    feed::record_versions(c, {}, {{id, old.version}});
    tx.commit();
  }
  notify_removed(old.fact());
}

std::vector<Activity> Service::history(store::Connection& c, int64_t id) const {
  if (!repo::get(c, id)) {
    throw not_found("activity_not_found",
                    "Không tìm thấy hoạt động số " + std::to_string(id) + ".");
  }
  return repo::history(c, id);
}

repo::ListResult Service::list(store::Connection& c, const Filter& f, const Page& p) const {
  if (!f.unit.empty()) g_.get(f.unit);  // unit_not_found rather than an empty list
  return repo::list(c, g_, f, p);
}

ImportReport Service::import_file(store::Connection& c, std::string_view data, ImportOptions opt) {
  auto ref = reference();
  ImportReport rep = import_activities(c, *ref, g_, data, opt);
  if (rep.ok()) notify_range(c, rep.first_id, rep.last_id);
  return rep;
}

int64_t Service::start_import(store::Pool& pool, std::string data, ImportOptions opt,
                              JobEnded ended) {
  int64_t id;
  {
    std::lock_guard lk(m_);
    if (auto it = busy_.find(opt.owner); !opt.owner.empty() && it != busy_.end()) {
      const ImportJob& other = jobs_[it->second];
      throw Error(ErrorKind::conflict, "import_busy",
                  "Tài khoản " + opt.owner + " đang có một lượt nhập tệp chưa xong (số " +
                      std::to_string(other.id) + ", tệp \"" + other.filename + "\", " +
                      (other.state == "queued" ? "đang chờ" : "đang chạy") +
                      "). Mỗi tài khoản chỉ nhập một tệp một lúc: xin chờ lượt đó xong rồi gửi "
                      "tệp tiếp.");
    }
    if (queue_.size() >= queue_limits_.waiting) {
      throw Error(ErrorKind::rate_limited, "import_queue_full",
                  "Máy chủ đang có " + std::to_string(queue_.size()) +
                      " lượt nhập tệp chờ xử lý; xin gửi lại tệp sau ít phút.");
    }
    id = next_job_++;
    ImportJob& j = jobs_[id];
    j.id = id;
    j.filename = opt.filename;
    j.unit_id = opt.unit_id;
    j.owner = opt.owner;
    if (!opt.owner.empty()) busy_[opt.owner] = id;
    if (opt.actor.entity.empty()) opt.actor.entity = "import:" + std::to_string(id);
    opt.progress = [this, id](ImportPhase phase, long done, long total) {
      std::lock_guard lk(m_);
      ImportJob& j = jobs_[id];
      if (phase == ImportPhase::checking) {
        j.report.rows_done = done;
        j.report.rows_total = total;
      } else {
        j.phase = "writing";
        j.report.rows_written = done;
        j.report.rows_to_write = total;
      }
    };
    queue_.push_back({id, &pool, std::move(data), std::move(opt), std::move(ended)});
    // Workers start as imports come, up to the limit, then stay for the next ones.
    if (workers_.size() < std::max<size_t>(1, queue_limits_.workers)) {
      workers_.emplace_back([this] { work(); });
    }
  }
  queue_cv_.notify_one();
  return id;
}

void Service::work() {
  for (;;) {
    Queued q;
    {
      std::unique_lock lk(m_);
      queue_cv_.wait(lk, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      q = std::move(queue_.front());
      queue_.pop_front();
      jobs_[q.id].state = "running";
    }
    run(q);
  }
}

void Service::run(Queued& q) {
  ImportJob result;
  // The file is not needed while the kept rows are written: a file's size less at the peak.
  q.opt.file_read = [&q] { std::string().swap(q.data); };
  try {
    auto lease = q.pool->acquire();
    result.report = import_file(*lease, q.data, q.opt);
    result.state = result.report.ok() ? "done" : "failed";
    if (!result.report.ok()) {
      result.message =
          "Tệp có " + std::to_string(result.report.error_count) + " lỗi; không dòng nào được ghi.";
    }
  } catch (const Error& e) {
    result.state = "failed";
    result.message = e.message();
    for (const auto& f : e.fields()) result.report.errors.push_back({f.row, f.field, f.message});
    result.report.error_count = static_cast<long>(result.report.errors.size());
  } catch (const std::exception& e) {
    spdlog::error("import {} failed: {}", q.id, e.what());
    result.state = "failed";
    result.message = "Lỗi hệ thống khi nhập tệp; không dòng nào được ghi.";
  }
  std::string().swap(q.data);  // if the import failed before reading it all
  ImportJob ended;
  {
    std::lock_guard lk(m_);
    ImportJob& j = jobs_[q.id];
    result.id = q.id;
    result.phase = j.phase;
    result.filename = j.filename;
    result.unit_id = j.unit_id;
    result.owner = j.owner;
    j = std::move(result);
    if (auto it = busy_.find(j.owner); it != busy_.end() && it->second == q.id) busy_.erase(it);
    if (q.ended) ended = j;
  }
  if (q.ended) {
    try {
      q.ended(ended);
    } catch (const std::exception& e) {
      spdlog::error("import {}: the end of the job was not recorded: {}", q.id, e.what());
    }
  }
}

std::optional<ImportJob> Service::job(int64_t id) const {
  std::lock_guard lk(m_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second;
}

}  // namespace caunoi::activities
