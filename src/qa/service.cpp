// qa/service.cpp — see service.h.
#include "qa/service.h"

#include <algorithm>

#include "qa/jsonl.h"
#include "text/tokenize.h"

namespace caunoi::qa {
namespace {

// The queue keeps the start of very long messages; cut on a UTF-8 boundary.
std::string clip(std::string_view s, std::size_t max) {
  if (s.size() <= max) return std::string(s);
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n));
}

}  // namespace

Service::Service(store::Connection& c, std::shared_ptr<const Resources> res, EngineOptions opt)
    : base_(std::move(res)), opt_(opt) {
  rebuild(c);
}

void Service::rebuild(store::Connection& c) {
  auto all = load_entries(c);
  // The classifier learns the data file's hand-off examples and those staff made from the queue.
  auto examples = load_handoff_examples(c);
  auto res = std::make_shared<Resources>(*base_);
  res->handoff.insert(res->handoff.end(), examples.begin(), examples.end());
  auto engine = std::make_shared<const Engine>(all, res, opt_);
  if (eager_) engine->warm();
  std::lock_guard g(snap_);
  all_ = std::move(all);
  examples_ = std::move(examples);
  engine_ = std::move(engine);
  res_ = std::move(res);
}

void Service::reload(store::Connection& c) {
  std::lock_guard g(write_);
  rebuild(c);
}

std::shared_ptr<const Engine> Service::engine() const {
  std::lock_guard g(snap_);
  if (engine_->day() != Date::today()) engine_ = std::make_shared<const Engine>(all_, res_, opt_);
  return engine_;
}

AskResult Service::ask(std::string_view question, store::Connection* queue_to,
                       std::string_view contact) const {
  if (text::tokenize(question, 1).empty())
    throw invalid("empty_question", "Câu hỏi trống: hãy nhập nội dung cần hỏi.",
                  {{"question", "Câu hỏi phải có ít nhất một chữ hoặc số."}});
  if (question.size() > kMaxQuestionBytes)
    throw invalid("question_too_long",
                  "Câu hỏi quá dài: hãy viết gọn trong khoảng 5.000 ký tự, hoặc gọi tổng đài "
                  "1900 9068.",
                  {{"question", "Tối đa " + std::to_string(kMaxQuestionBytes) + " byte."}});
  if (contact.size() > kMaxContactBytes)
    throw invalid("contact_too_long", "Thông tin liên hệ quá dài.",
                  {{"contact", "Tối đa " + std::to_string(kMaxContactBytes) + " byte."}});
  const auto engine = this->engine();
  const Reply r = engine->reply(question);
  AskResult a;
  a.own_case = r.own_case;
  for (const auto& k : r.asks) {
    AskAnswer x;
    x.ask = k.text;
    x.answered = k.answered;
    x.confidence = k.confidence;
    if (k.answered) {
      const Entry& e = engine->entry(static_cast<uint32_t>(k.best));
      x.id = e.id;
      x.question = e.question;
      x.answer = e.answer;
      x.legal_basis = e.legal_basis;
    }
    for (uint32_t i : k.related)
      x.related.emplace_back(engine->entry(i).id, engine->entry(i).question);
    a.asks.push_back(std::move(x));
  }
  const bool open_ask =
      std::any_of(a.asks.begin(), a.asks.end(), [](const AskAnswer& x) { return !x.answered; });
  if (!r.own_case && !open_ask) return a;
  a.message = r.own_case ? own_case_message() : handoff_message();
  if (queue_to) {
    std::optional<std::string> best;
    double confidence = r.own_case ? r.own_case_p : 0;
    for (const auto& k : r.asks)
      if (!k.answered && k.best >= 0) {
        best = engine->entry(static_cast<uint32_t>(k.best)).id;
        confidence = k.confidence;
        break;
      }
    std::optional<std::string> who;
    if (contact.find_first_not_of(" \t\r\n") != std::string_view::npos) who = std::string(contact);
    a.queued = enqueue(*queue_to, clip(question, kMaxQuestionBytes), best, confidence,
                       r.own_case ? "case" : "question", who);
  }
  return a;
}

void Service::train_eagerly() {
  {
    std::lock_guard g(write_);
    eager_ = true;
  }
  engine()->warm();
}

std::vector<Entry> Service::entries() const {
  std::lock_guard g(snap_);
  return all_;
}

Entry Service::create(store::Connection& c, Entry e, const audit::Actor& by) {
  std::lock_guard g(write_);
  e = save_entry(c, std::move(e), by, true);
  rebuild(c);
  return e;
}

Entry Service::update(store::Connection& c, const std::string& id, Entry e,
                      const audit::Actor& by) {
  if (e.id != id)
    throw invalid("id_mismatch", "Mã trong nội dung khác mã trên đường dẫn.",
                  {{"id", "Phải là " + id + "."}});
  std::lock_guard g(write_);
  e = save_entry(c, std::move(e), by, false);
  rebuild(c);
  return e;
}

ImportResult Service::import_jsonl(store::Connection& c, std::string_view jsonl,
                                   const audit::Actor& by) {
  auto bank = parse_bank_jsonl(jsonl);
  std::lock_guard g(write_);
  auto res = import_entries(c, bank.entries, by, bank.handoff);
  rebuild(c);
  return res;
}

std::string Service::export_jsonl() const {
  std::lock_guard g(snap_);
  return to_jsonl(all_, examples_);
}

Entry Service::answer_queued(store::Connection& c, int64_t queue_id, boost::json::object body,
                             const audit::Actor& by) {
  if (!body.contains("question") || body["question"].is_null()) {
    auto item = queue_item(c, queue_id);
    if (!item)
      throw not_found("queue_item_not_found",
                      "Không có câu hỏi chờ số " + std::to_string(queue_id) + ".");
    body["question"] = item->question;
  }
  Entry e = parse_entry(body);
  std::lock_guard g(write_);
  e = answer_queue_item(c, queue_id, std::move(e), by);
  rebuild(c);
  return e;
}

Entry Service::queued_to_phrasing(store::Connection& c, int64_t queue_id,
                                  const std::string& entry_id, const audit::Actor& by) {
  std::lock_guard g(write_);
  Entry e = queue_item_to_phrasing(c, queue_id, entry_id, by);
  rebuild(c);
  return e;
}

QueueItem Service::queued_to_example(store::Connection& c, int64_t queue_id, Handoff kind,
                                     const audit::Actor& by) {
  std::lock_guard g(write_);
  QueueItem item = queue_item_to_example(c, queue_id, kind, by);
  rebuild(c);
  return item;
}

std::unique_ptr<Service> open_service(store::Connection& c, const std::filesystem::path& data_dir) {
  apply_qa_migrations(c);
  if (c.scalar("SELECT COUNT(*) FROM qa_entries").value_or(0) == 0) {
    const auto kb = data_dir / "qa" / "kb.jsonl";
    if (std::filesystem::exists(kb)) {
      audit::Actor system;
      system.username = "system";
      system.action = "qa.seed";
      system.entity = "data/qa/kb.jsonl";
      import_entries(c, load_jsonl(kb), system);
    }
  }
  return std::make_unique<Service>(c, Resources::load(data_dir));
}

}  // namespace caunoi::qa
