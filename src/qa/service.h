// qa/service.h — the Q&A part as the server uses it: the bank in the database, a live engine
// over it, and the unanswered queue.
//
// ask() is safe from any number of threads at once: it reads an immutable Engine snapshot taken
// under a short lock. Every change to the bank (create, update, import, answering a queued
// question) is written to the database first, then the engine is rebuilt from the stored bank
// and swapped in; a new day also triggers a rebuild, since validity dates decide what may be
// answered.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "qa/engine.h"
#include "qa/repository.h"
#include "store/store.h"

namespace caunoi::qa {

struct AskResult {
  bool answered = false;
  std::string id, question, answer, legal_basis;  // of the best entry when answered
  double confidence = 0;
  std::vector<std::pair<std::string, std::string>> related;  // (id, question)
  std::string message;                                       // hand-off text when not answered
  std::optional<int64_t> queued;                             // queue id when not answered
};

class Service {
 public:
  Service(store::Connection& c, std::shared_ptr<const Resources> res, EngineOptions opt = {});

  // Throws invalid_input "empty_question" when the question holds no letter or digit. When not
  // answered and `queue_to` is given, the question goes to the unanswered queue.
  AskResult ask(std::string_view question, store::Connection* queue_to = nullptr) const;

  std::vector<Entry> entries() const;  // all, drafts and retired included
  Entry create(store::Connection& c, Entry e, const std::string& who);
  Entry update(store::Connection& c, const std::string& id, Entry e, const std::string& who);
  ImportResult import_jsonl(store::Connection& c, std::string_view jsonl, const std::string& who);
  std::string export_jsonl() const;
  // Creates an entry from the body (question defaults to the queued one) and closes the item.
  Entry answer_queued(store::Connection& c, int64_t queue_id, boost::json::object body,
                      const std::string& who);

  std::shared_ptr<const Engine> engine() const;

 private:
  void rebuild(store::Connection& c);

  std::shared_ptr<const Resources> res_;
  EngineOptions opt_;
  std::mutex write_;         // one bank change at a time
  mutable std::mutex snap_;  // guards the two members below
  std::vector<Entry> all_;
  mutable std::shared_ptr<const Engine> engine_;
};

// Opens the Q&A service on a database: applies the "qa" migrations, imports
// data_dir/qa/kb.jsonl when the bank is empty (first start), loads the data files and builds the
// engine.
std::unique_ptr<Service> open_service(store::Connection& c, const std::filesystem::path& data_dir);

}  // namespace caunoi::qa
