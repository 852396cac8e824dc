// qa/repository.h — the answer bank and the unanswered queue in the database (store/).
//
// Tables of component "qa": qa_entries holds the current version of each entry as JSON;
// qa_entry_versions keeps every version ever saved, with who saved it and when, and is never
// updated; qa_queue holds questions the engine did not answer until staff answer them;
// qa_handoff_examples holds queued questions staff marked as own-case or out of scope. Every
// write runs in one transaction, so an import lands whole or not at all.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/log.h"
#include "qa/entry.h"
#include "store/store.h"

namespace caunoi::qa {

// The Q&A part's name in the change feed (changes/feed.h): an entry per bank version written.
inline constexpr const char* kFeedPart = "qa";

void apply_qa_migrations(store::Connection& c);

std::vector<Entry> load_entries(store::Connection& c);
std::optional<Entry> find_entry(store::Connection& c, const std::string& id);
// Saves a new version (create: the id must be new; else it must exist). Returns it with meta.
// Throws conflict "entry_exists" / not_found "entry_not_found".
Entry save_entry(store::Connection& c, Entry e, const audit::Actor& by, bool create);
// Every version of an entry, oldest first; not_found "entry_not_found" if there is none.
std::vector<Entry> entry_history(store::Connection& c, const std::string& id);

struct ImportResult {
  int created = 0, updated = 0, unchanged = 0;
  int examples = 0;  // hand-off examples added
};
// New ids are created, changed ones get a new version, identical ones are left alone; the
// hand-off examples (those staff made from another database's queue, see jsonl.h) are added
// unless one with the same text and kind is stored already, keeping who made them and when
// (else `by` and now). One transaction for all.
ImportResult import_entries(store::Connection& c, const std::vector<Entry>& entries,
                            const audit::Actor& by,
                            const std::vector<HandoffExample>& examples = {});

struct QueueItem {
  int64_t id = 0;
  std::string question;
  std::string asked_at;
  std::optional<std::string> best_id;  // the engine's best guess
  double confidence = 0;
  std::string status;                   // "open", "answered" or "closed"
  std::optional<std::string> entry_id;  // the entry that answered it
  std::string answered_by, answered_at;
  std::string kind = "question";  // "question": the bank had no answer; "case": an own-case
                                  // request, a person must look up the asker's file
  std::string contact;            // how the citizen asked to be answered (personal data)
};
int64_t enqueue(store::Connection& c, const std::string& question,
                const std::optional<std::string>& best_id, double confidence,
                const std::string& kind = "question",
                const std::optional<std::string>& contact = std::nullopt);
std::vector<QueueItem> queue(store::Connection& c, const std::string& status, int limit);
std::optional<QueueItem> queue_item(store::Connection& c, int64_t id);
// Creates `e` from a queued question and closes the question, in one transaction. Throws
// not_found "queue_item_not_found", conflict "queue_item_answered".
Entry answer_queue_item(store::Connection& c, int64_t id, Entry e, const audit::Actor& by);
// "câu này hỏi về mục …": adds the queued question to the training phrasings of `entry_id` (a new
// version of the entry) and closes the question, in one transaction. Throws not_found
// "queue_item_not_found" / "entry_not_found", conflict "queue_item_answered".
Entry queue_item_to_phrasing(store::Connection& c, int64_t id, const std::string& entry_id,
                             const audit::Actor& by);
// Training examples of the hand-off classes that staff made from queued questions (here or in a
// database whose bank was imported), oldest first; the engine learns them with
// data/qa/handoff.jsonl.
std::vector<HandoffExample> load_handoff_examples(store::Connection& c);
// "câu này là yêu cầu tra cứu hồ sơ / ngoài phạm vi": records the queued question as a training
// example of `kind`, in one transaction with its audit record. An own-case request stays open,
// marked as a case (a person must still look up the file); an out-of-scope question is closed.
// Throws not_found "queue_item_not_found", conflict "queue_item_answered" (not open) or
// "queue_item_example_exists".
QueueItem queue_item_to_example(store::Connection& c, int64_t id, Handoff kind,
                                const audit::Actor& by);
// Closes an item without a bank entry (an own-case request answered in person).
QueueItem close_queue_item(store::Connection& c, int64_t id, const audit::Actor& by);

}  // namespace caunoi::qa
