// qa/repository.cpp — see repository.h.
#include "qa/repository.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <ctime>

#include "changes/feed.h"
#include "store/migrations.h"

namespace caunoi::qa {
namespace {

const store::Migration kMigrations[] = {
    {"qa", 1, "answer bank, versions, unanswered queue",
     "CREATE TABLE qa_entries ("
     "  id TEXT PRIMARY KEY,"
     "  version INTEGER NOT NULL,"
     "  status TEXT NOT NULL,"
     "  data TEXT NOT NULL,"
     "  updated_by TEXT NOT NULL,"
     "  updated_at TEXT NOT NULL);"
     "CREATE TABLE qa_entry_versions ("
     "  entry_id TEXT NOT NULL,"
     "  version INTEGER NOT NULL,"
     "  data TEXT NOT NULL,"
     "  changed_by TEXT NOT NULL,"
     "  changed_at TEXT NOT NULL,"
     "  PRIMARY KEY (entry_id, version));"
     "CREATE TABLE qa_queue ("
     "  id INTEGER PRIMARY KEY,"
     "  question TEXT NOT NULL,"
     "  asked_at TEXT NOT NULL,"
     "  best_id TEXT,"
     "  confidence REAL NOT NULL,"
     "  status TEXT NOT NULL DEFAULT 'open',"
     "  entry_id TEXT,"
     "  answered_by TEXT,"
     "  answered_at TEXT);"
     "CREATE INDEX qa_queue_status ON qa_queue(status, id);"},
    {"qa", 2, "queue: own-case requests and the citizen's contact",
     "ALTER TABLE qa_queue ADD COLUMN kind TEXT NOT NULL DEFAULT 'question';"
     "ALTER TABLE qa_queue ADD COLUMN contact TEXT;"},
    {"qa", 3, "hand-off training examples made from queued questions",
     "CREATE TABLE qa_handoff_examples ("
     "  id INTEGER PRIMARY KEY,"
     "  text TEXT NOT NULL,"
     "  kind TEXT NOT NULL,"
     "  queue_id INTEGER NOT NULL UNIQUE,"
     "  added_by TEXT NOT NULL,"
     "  added_at TEXT NOT NULL);"},
    // An example imported with the bank (jsonl.h) comes from another database's queue, not this
    // one's: its queue_id is null. SQLite cannot drop a NOT NULL, so the table is rebuilt there.
    {"qa", 4, "hand-off examples imported with the bank",
     "CREATE TABLE qa_handoff_examples_4 ("
     "  id INTEGER PRIMARY KEY,"
     "  text TEXT NOT NULL,"
     "  kind TEXT NOT NULL,"
     "  queue_id INTEGER UNIQUE,"
     "  added_by TEXT NOT NULL,"
     "  added_at TEXT NOT NULL);"
     "INSERT INTO qa_handoff_examples_4(id, text, kind, queue_id, added_by, added_at) "
     "  SELECT id, text, kind, queue_id, added_by, added_at FROM qa_handoff_examples;"
     "DROP TABLE qa_handoff_examples;"
     "ALTER TABLE qa_handoff_examples_4 RENAME TO qa_handoff_examples;",
     "ALTER TABLE qa_handoff_examples ALTER COLUMN queue_id DROP NOT NULL;"},
};

std::string now_utc() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Entry from_row(const store::Row& r) {
  // data, version, updated_by, updated_at
  std::vector<FieldError> errors;
  Entry e = entry_from_json(boost::json::parse(r.text(0)).as_object(), errors);
  e.version = static_cast<int>(r.i64(1));
  e.updated_by = r.text(2);
  e.updated_at = r.text(3);
  return e;
}

std::string data_of(const Entry& e) {
  return boost::json::serialize(to_json(e));
}

void write_version(store::Connection& c, Entry& e, const std::string& who, int version) {
  e.version = version;
  e.updated_by = who;
  e.updated_at = now_utc();
  const std::string data = data_of(e);
  c.execute(
      "INSERT INTO qa_entry_versions(entry_id, version, data, changed_by, changed_at) VALUES (?, "
      "?, ?, ?, ?)",
      e.id, version, data, who, e.updated_at);
  c.execute(
      "INSERT INTO qa_entries(id, version, status, data, updated_by, updated_at) VALUES (?, ?, ?, "
      "?, ?, ?) "
      "ON CONFLICT(id) DO UPDATE SET version = excluded.version, status = excluded.status, data = "
      "excluded.data, "
      "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
      e.id, version, status_name(e.status), data, who, e.updated_at);
  // Every change of the bank passes here: the other servers rebuild their engines from it.
  changes::record(c, kFeedPart, boost::json::serialize(boost::json::object{{"entry", e.id}}));
}

QueueItem queue_row(const store::Row& r) {
  QueueItem q;
  q.id = r.i64(0);
  q.question = r.text(1);
  q.asked_at = r.text(2);
  q.best_id = r.opt_text(3);
  q.confidence = r.f64(4);
  q.status = r.text(5);
  q.entry_id = r.opt_text(6);
  q.answered_by = r.opt_text(7).value_or("");
  q.answered_at = r.opt_text(8).value_or("");
  q.kind = r.text(9);
  q.contact = r.opt_text(10).value_or("");
  return q;
}

constexpr const char* kQueueColumns =
    "SELECT id, question, asked_at, best_id, confidence, status, entry_id, answered_by, "
    "answered_at, kind, contact FROM qa_queue ";

// Marks an open queue item done (status answered or closed); conflict if it is not open.
void finish(store::Connection& c, const QueueItem& item, const char* status,
            const std::optional<std::string>& entry_id, const std::string& who,
            const std::string& at) {
  if (item.status != "open")
    throw Error(ErrorKind::conflict, "queue_item_answered", "Câu hỏi này đã được xử lý.");
  c.execute(
      "UPDATE qa_queue SET status = ?, entry_id = ?, answered_by = ?, answered_at = ? "
      "WHERE id = ?",
      status, entry_id, who, at, item.id);
}

QueueItem open_item(store::Connection& c, int64_t id) {
  auto item = queue_item(c, id);
  if (!item)
    throw not_found("queue_item_not_found", "Không có câu hỏi chờ số " + std::to_string(id) + ".");
  return *item;
}

// An item staff may still act on: it exists and is open.
QueueItem pending_item(store::Connection& c, int64_t id) {
  QueueItem item = open_item(c, id);
  if (item.status != "open")
    throw Error(ErrorKind::conflict, "queue_item_answered", "Câu hỏi này đã được xử lý.");
  return item;
}

}  // namespace

void apply_qa_migrations(store::Connection& c) {
  audit::migrate(c);    // every write of the bank lands with its audit record
  changes::migrate(c);  // and its entry in the change feed
  store::apply_migrations(c, kMigrations);
}

std::vector<Entry> load_entries(store::Connection& c) {
  std::vector<Entry> out;
  c.each("SELECT data, version, updated_by, updated_at FROM qa_entries ORDER BY id",
         [&](const store::Row& r) { out.push_back(from_row(r)); });
  return out;
}

std::optional<Entry> find_entry(store::Connection& c, const std::string& id) {
  std::optional<Entry> out;
  c.each(
      "SELECT data, version, updated_by, updated_at FROM qa_entries WHERE id = ?",
      [&](const store::Row& r) { out = from_row(r); }, id);
  return out;
}

namespace {

Entry save_in_tx(store::Connection& c, Entry e, const std::string& who, bool create) {
  auto current = c.scalar("SELECT version FROM qa_entries WHERE id = ?", e.id);
  if (create && current)
    throw Error(ErrorKind::conflict, "entry_exists",
                "Mã " + e.id + " đã có trong ngân hàng hỏi đáp.");
  if (!create && !current) throw not_found("entry_not_found", "Không có mục hỏi đáp " + e.id + ".");
  write_version(c, e, who, static_cast<int>(current.value_or(0) + 1));
  return e;
}

}  // namespace

Entry save_entry(store::Connection& c, Entry e, const audit::Actor& by, bool create) {
  store::Transaction tx(c);
  e = save_in_tx(c, std::move(e), by.username, create);
  audit::record_change(c, by, boost::json::serialize(to_json(e, true)));
  tx.commit();
  return e;
}

std::vector<Entry> entry_history(store::Connection& c, const std::string& id) {
  std::vector<Entry> out;
  c.each(
      "SELECT data, version, changed_by, changed_at FROM qa_entry_versions WHERE entry_id = ? "
      "ORDER BY version",
      [&](const store::Row& r) { out.push_back(from_row(r)); }, id);
  if (out.empty()) throw not_found("entry_not_found", "Không có mục hỏi đáp " + id + ".");
  return out;
}

ImportResult import_entries(store::Connection& c, const std::vector<Entry>& entries,
                            const audit::Actor& by, const std::vector<HandoffExample>& examples) {
  ImportResult res;
  store::Transaction tx(c);
  for (Entry e : entries) {
    auto old = find_entry(c, e.id);
    if (old && data_of(*old) == data_of(e)) {
      ++res.unchanged;
      continue;
    }
    write_version(c, e, by.username, old ? old->version + 1 : 1);
    ++(old ? res.updated : res.created);
  }
  const std::string at = now_utc();
  for (const auto& h : examples) {
    if (c.scalar("SELECT COUNT(*) FROM qa_handoff_examples WHERE text = ? AND kind = ?", h.text,
                 handoff_name(h.kind))
            .value_or(0) > 0)
      continue;
    c.execute(
        "INSERT INTO qa_handoff_examples(text, kind, queue_id, added_by, added_at) "
        "VALUES (?, ?, NULL, ?, ?)",
        h.text, handoff_name(h.kind), h.added_by.empty() ? by.username : h.added_by,
        h.added_at.empty() ? at : h.added_at);
    ++res.examples;
  }
  if (res.examples > 0)  // the other servers' engines learn them too
    changes::record(c, kFeedPart,
                    boost::json::serialize(boost::json::object{{"examples", res.examples}}));
  if (res.created + res.updated + res.examples > 0)
    audit::record_change(c, by,
                         boost::json::serialize(boost::json::object{{"created", res.created},
                                                                    {"updated", res.updated},
                                                                    {"unchanged", res.unchanged},
                                                                    {"examples", res.examples}}));
  tx.commit();
  return res;
}

int64_t enqueue(store::Connection& c, const std::string& question,
                const std::optional<std::string>& best_id, double confidence,
                const std::string& kind, const std::optional<std::string>& contact) {
  c.execute(
      "INSERT INTO qa_queue(question, asked_at, best_id, confidence, kind, contact) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      question, now_utc(), best_id, confidence, kind, contact);
  return c.last_insert_id();
}

std::vector<QueueItem> queue(store::Connection& c, const std::string& status, int limit) {
  std::vector<QueueItem> out;
  c.each(
      std::string(kQueueColumns) + "WHERE status = ? ORDER BY id DESC LIMIT ?",
      [&](const store::Row& r) { out.push_back(queue_row(r)); }, status, limit);
  return out;
}

std::optional<QueueItem> queue_item(store::Connection& c, int64_t id) {
  std::optional<QueueItem> out;
  c.each(
      std::string(kQueueColumns) + "WHERE id = ?", [&](const store::Row& r) { out = queue_row(r); },
      id);
  return out;
}

Entry answer_queue_item(store::Connection& c, int64_t id, Entry e, const audit::Actor& by) {
  store::Transaction tx(c);
  const QueueItem item = pending_item(c, id);
  if (e.question.empty()) e.question = item.question;
  e = save_in_tx(c, std::move(e), by.username, true);
  finish(c, item, "answered", e.id, by.username, e.updated_at);
  audit::record_change(c, by, boost::json::serialize(to_json(e, true)));
  tx.commit();
  return e;
}

Entry queue_item_to_phrasing(store::Connection& c, int64_t id, const std::string& entry_id,
                             const audit::Actor& by) {
  store::Transaction tx(c);
  const QueueItem item = pending_item(c, id);
  auto e = find_entry(c, entry_id);
  if (!e) throw not_found("entry_not_found", "Không có mục hỏi đáp " + entry_id + ".");
  if (std::find(e->phrasings.begin(), e->phrasings.end(), item.question) == e->phrasings.end())
    e->phrasings.push_back(item.question);
  Entry saved = save_in_tx(c, std::move(*e), by.username, false);
  finish(c, item, "answered", saved.id, by.username, saved.updated_at);
  audit::record_change(c, by, boost::json::serialize(to_json(saved, true)));
  tx.commit();
  return saved;
}

std::vector<HandoffExample> load_handoff_examples(store::Connection& c) {
  std::vector<HandoffExample> out;
  c.each("SELECT text, kind, added_by, added_at FROM qa_handoff_examples ORDER BY id",
         [&](const store::Row& r) {
           if (const auto kind = parse_handoff(r.text(1)))
             out.push_back({r.text(0), *kind, r.text(2), r.text(3)});
         });
  return out;
}

QueueItem queue_item_to_example(store::Connection& c, int64_t id, Handoff kind,
                                const audit::Actor& by) {
  store::Transaction tx(c);
  const QueueItem item = pending_item(c, id);
  if (c.scalar("SELECT COUNT(*) FROM qa_handoff_examples WHERE queue_id = ?", id).value_or(0) > 0)
    throw Error(ErrorKind::conflict, "queue_item_example_exists",
                "Câu hỏi này đã được dùng làm câu mẫu.");
  const std::string at = now_utc();
  c.execute(
      "INSERT INTO qa_handoff_examples(text, kind, queue_id, added_by, added_at) "
      "VALUES (?, ?, ?, ?, ?)",
      item.question, handoff_name(kind), id, by.username, at);
  // An own-case request still needs a person to look up the file: it stays open, now as a case.
  // An out-of-scope question needs nothing more.
  if (kind == Handoff::own_case)
    c.execute("UPDATE qa_queue SET kind = 'case' WHERE id = ?", id);
  else
    finish(c, item, "closed", std::nullopt, by.username, at);
  audit::record_change(c, by,
                       boost::json::serialize(boost::json::object{
                           {"queue_item", id}, {"example", handoff_name(kind)}}));
  // The engine learns the example: other servers rebuild theirs too.
  changes::record(c, kFeedPart,
                  boost::json::serialize(boost::json::object{{"example", handoff_name(kind)}}));
  tx.commit();
  return *queue_item(c, id);
}

QueueItem close_queue_item(store::Connection& c, int64_t id, const audit::Actor& by) {
  store::Transaction tx(c);
  const QueueItem item = open_item(c, id);
  finish(c, item, "closed", std::nullopt, by.username, now_utc());
  audit::record_change(c, by,
                       boost::json::serialize(boost::json::object{
                           {"queue_item", id}, {"kind", item.kind}, {"status", "closed"}}));
  tx.commit();
  return *queue_item(c, id);
}

}  // namespace caunoi::qa
