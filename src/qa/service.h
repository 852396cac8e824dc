// qa/service.h — the Q&A part as the server uses it: the bank in the database, a live engine
// over it, and the unanswered queue.
//
// ask() is safe from any number of threads at once: it reads an immutable Engine snapshot taken
// under a short lock. Every change to the bank (create, update, import, answering a queued
// question, making it a training phrasing or a hand-off example) is written to the database
// first, then the engine is rebuilt from the stored bank and swapped in; a new day also triggers
// a rebuild, since validity dates decide what may be answered.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/log.h"
#include "qa/engine.h"
#include "qa/repository.h"
#include "store/store.h"

namespace caunoi::qa {

// The answer to one ask of a message.
struct AskAnswer {
  std::string ask;  // the sentence(s) answered
  bool answered = false;
  std::string id, question, answer, legal_basis;  // of the best entry when answered
  double confidence = 0;
  std::vector<std::pair<std::string, std::string>> related;  // (id, question)
};

struct AskResult {
  bool own_case = false;          // a person will look up the asker's own file; asks is empty
  std::vector<AskAnswer> asks;    // in the message's order
  std::string message;            // hand-off text when own-case or some ask is not answered
  std::optional<int64_t> queued;  // queue id when handed to a person
  bool answered() const { return !own_case && !asks.empty() && asks.front().answered; }
};

// Longest message ask() takes, in bytes: a long letter is 2,000 characters (~3,000 bytes).
inline constexpr std::size_t kMaxQuestionBytes = 8000;
inline constexpr std::size_t kMaxContactBytes = 200;

class Service {
 public:
  Service(store::Connection& c, std::shared_ptr<const Resources> res, EngineOptions opt = {});

  // Throws invalid_input "empty_question" when the question holds no letter or digit,
  // "question_too_long" beyond kMaxQuestionBytes, "contact_too_long". When `queue_to` is given,
  // an own-case request goes to the queue as a case, and a message with an unanswered ask as a
  // question, once, with the contact the citizen left.
  AskResult ask(std::string_view question, store::Connection* queue_to = nullptr,
                std::string_view contact = {}) const;

  std::vector<Entry> entries() const;  // all, drafts and retired included
  Entry create(store::Connection& c, Entry e, const audit::Actor& by);
  Entry update(store::Connection& c, const std::string& id, Entry e, const audit::Actor& by);
  // The bank's JSONL (jsonl.h): entries, and the hand-off examples staff made from the queue.
  ImportResult import_jsonl(store::Connection& c, std::string_view jsonl, const audit::Actor& by);
  std::string export_jsonl() const;
  // Creates an entry from the body (question defaults to the queued one) and closes the item.
  Entry answer_queued(store::Connection& c, int64_t queue_id, boost::json::object body,
                      const audit::Actor& by);
  // The queued question becomes a training phrasing of `entry_id`; the engine is retrained.
  Entry queued_to_phrasing(store::Connection& c, int64_t queue_id, const std::string& entry_id,
                           const audit::Actor& by);

  // Reads the bank again and rebuilds the engine, after another server (or a command) changed
  // it: an entry of part kFeedPart in the change feed (changes/feed.h).
  void reload(store::Connection& c);
  // The queued question becomes a training example of an own-case request or of an
  // out-of-scope message (repository.h, queue_item_to_example); the engine is retrained.
  QueueItem queued_to_example(store::Connection& c, int64_t queue_id, Handoff kind,
                              const audit::Actor& by);

  std::shared_ptr<const Engine> engine() const;
  // A server trains the classifier when the bank changes (the editor's request waits for it)
  // and now; otherwise the first question after a change does (engine.h, Engine::warm).
  void train_eagerly();

 private:
  void rebuild(store::Connection& c);

  std::shared_ptr<const Resources> base_;  // the data files
  EngineOptions opt_;
  std::mutex write_;  // one bank change at a time
  bool eager_ = false;
  mutable std::mutex snap_;               // guards the four members below
  std::shared_ptr<const Resources> res_;  // base_ plus the examples staff made from the queue
  std::vector<Entry> all_;
  std::vector<HandoffExample> examples_;  // those staff made, exported with the bank
  mutable std::shared_ptr<const Engine> engine_;
};

// Opens the Q&A service on a database: applies the "qa" migrations, imports
// data_dir/qa/kb.jsonl when the bank is empty (first start), loads the data files and builds the
// engine.
std::unique_ptr<Service> open_service(store::Connection& c, const std::filesystem::path& data_dir);

}  // namespace caunoi::qa
