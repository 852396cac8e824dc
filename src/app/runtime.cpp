// app/runtime.cpp — see runtime.h.
#include "app/runtime.h"

#include <spdlog/spdlog.h>

#include "api/auth_guard.h"
#include "app/engines.h"
#include "approval/approval.h"
#include "store/migrations.h"
#include "store/open.h"

namespace caunoi::app {

namespace {

// Entries older than this are deleted from the change log: every server started since reads the
// tables themselves, and a running one is at most seconds behind.
constexpr std::chrono::hours kKeepChanges{24};

}  // namespace

Runtime::Runtime(const std::string& db_path, Paths paths, int pool_size, RuntimeOptions opt)
    : paths_(std::move(paths)), writer_(changes::new_writer_name()) {
  auto open_named = [db_path, writer = writer_] {
    auto c = store::open(db_path);
    c->set_writer(writer);
    return c;
  };
  follow_db_ = open_named();
  follower_ = std::make_unique<changes::Follower>(writer_);
  {
    auto c = store::open(db_path);
    // Other servers starting on the same new database wait until this one has prepared it
    // (schema, units, the Q&A bank), then find it prepared.
    int64_t bank_read_at = 0;
    {
      store::StartupLock preparing(*c);
      prepare_database(*c, paths_);
      bank_read_at = changes::last_seq(*c);
      qa_ = qa::open_service(*c, paths_.data_dir);  // the Q&A bank: data/qa/kb.jsonl when empty
    }
    places_ = std::make_unique<places::Gazetteer>(places::Gazetteer::load(*c));
    // What is held in memory is read in one snapshot with the change feed's position, so that
    // each change is either in what was read or applied later by catch_up(), never both.
    // The Q&A engine, read above, is rebuilt at the first catch_up if the bank changed since.
    store::Transaction snapshot(*c, store::Transaction::Mode::read);
    follower_->start_at(*c);
    qa_stale_ = changes::written_since(*c, bank_read_at, qa::kFeedPart);
    activities_ = std::make_unique<activities::Service>(*c, *places_, opt.imports);
    // The aggregates are built from the database once, then kept current by both services.
    analytics_ = std::make_unique<analytics::Engine>(*places_);
    analytics_->load(*c);
    activities_->add_listener(analytics_.get());
    plans_ = std::make_unique<plans::Service>(*places_, analytics::target_indicator);
    plans_->add_listener(analytics_.get());
    snapshot.commit();
  }
  pool_ = std::make_unique<store::Pool>(open_named, pool_size);
  ctx_.pool = pool_.get();
  ctx_.places = places_.get();
  ctx_.activities = activities_.get();
  ctx_.analytics = analytics_.get();
  // Reports of approved data only: built from the database on first use after an approval
  // changed (approved months are locked, so nothing else can make it stale).
  approved_analytics_ = std::make_unique<analytics::Snapshot>([this] {
    auto lease = pool_->acquire();
    return std::shared_ptr<const analytics::Engine>(load_engine(*lease, *places_, true));
  });
  ctx_.approved_analytics = approved_analytics_.get();
  ctx_.plans = plans_.get();
  ctx_.qa = qa_.get();
  auth_ = std::make_unique<auth::Service>(*places_, opt.auth_clock);
  ctx_.auth = auth_.get();
  ctx_.data_dir = paths_.data_dir;
  api::register_all_routes(router_, ctx_);
  if (opt.enforce_auth) api::install_auth_guard(router_, ctx_);
}

void Runtime::warm_up() {
  approved_analytics_->refresh_in_background();
  qa_->train_eagerly();
  if (!follow_thread_.joinable()) follow_thread_ = std::thread([this] { follow(); });
}

size_t Runtime::catch_up() {
  std::lock_guard lk(follow_m_);
  store::Connection& c = *follow_db_;
  size_t n = follower_->poll(c, [&](const changes::Entry& e) {
    if (activities_->apply_change(c, e.part, e.payload)) return;
    if (plans_->apply_change(c, e.part, e.payload)) return;
    if (e.part == qa::kFeedPart) qa_stale_ = true;
    if (e.part == approval::kFeedPart) approved_stale_ = true;
  });
  // Rebuilt once for all the entries read; a failure leaves the flag for the next call.
  if (qa_stale_) {
    qa_->reload(c);
    qa_stale_ = false;
  }
  if (approved_stale_) {
    approved_analytics_->changed();
    approved_stale_ = false;
  }
  auto now = std::chrono::steady_clock::now();
  if (now - pruned_ > std::chrono::hours(1)) {
    changes::Follower::prune(c, kKeepChanges);
    pruned_ = now;
  }
  return n;
}

void Runtime::follow() {
  std::unique_lock lk(stop_m_);
  while (!stop_cv_.wait_for(lk, kFollowEvery, [this] { return stopping_; })) {
    lk.unlock();
    try {
      catch_up();
    } catch (const std::exception& e) {
      // The database may be restarting: the next round tries again from the same place.
      spdlog::warn("Không đọc được nhật ký thay đổi: {}", e.what());
    }
    lk.lock();
  }
}

Runtime::~Runtime() {
  {
    std::lock_guard lk(stop_m_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  if (follow_thread_.joinable()) follow_thread_.join();
  if (approved_analytics_) approved_analytics_->wait_background();
  if (pool_) pool_->close_idle();
}

}  // namespace caunoi::app
