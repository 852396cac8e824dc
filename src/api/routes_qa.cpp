// api/routes_qa.cpp — /api/v1/qa: automatic answers, the unanswered queue and the answer bank.
//
//   POST /api/v1/qa/ask                     {"question", "contact"?} → {own_case, asks:[{ask,
//                                           answered, id, question, answer, legal_basis,
//                                           confidence, related:[{id, question}]}], message
//                                           (hand-off text), queue_id}; the first ask's fields
//                                           are also at the top level, as before letters
//   GET  /api/v1/qa/queue?status=open       questions waiting for staff (open|answered|closed);
//                                           kind "case" marks own-case requests; the citizen's
//                                           contact only for those who curate the bank
//   POST /api/v1/qa/queue/{id}/answer       entry fields → new entry; the question is closed
//   POST /api/v1/qa/queue/{id}/phrasing     {"entry_id"}: "câu này hỏi về mục …" — the question
//                                           becomes a training phrasing of that entry
//   POST /api/v1/qa/queue/{id}/example      {"kind": "own_case"|"out_of_scope"}: the question
//                                           becomes a training example of a hand-off; an
//                                           own-case one stays open as a case
//   POST /api/v1/qa/queue/{id}/close        an own-case request answered in person
//   GET  /api/v1/qa/entries                 the bank (?status=draft|published|retired)
//   POST /api/v1/qa/entries                 create; PUT /api/v1/qa/entries/{id} new version
//   GET  /api/v1/qa/entries/{id}            one entry; .../history every version, who and when
//   POST /api/v1/qa/import                  JSONL body (kb.jsonl format), all or nothing
//   GET  /api/v1/qa/export                  the bank as JSONL, with staff's hand-off examples
// Who made a change: the signed-in user, else the X-User header, else "api".
#include <charconv>

#include "api/auth_guard.h"
#include "api/context.h"
#include "api/router.h"
#include "qa/service.h"

namespace caunoi::api {
namespace {

namespace json = boost::json;

json::object answer_json(const qa::AskAnswer& a) {
  json::object o;
  o["ask"] = a.ask;
  o["answered"] = a.answered;
  o["id"] = a.answered ? json::value(a.id) : json::value(nullptr);
  o["question"] = a.question;
  o["answer"] = a.answer;
  o["legal_basis"] = a.legal_basis;
  o["confidence"] = a.confidence;
  json::array rel;
  for (const auto& [id, q] : a.related) rel.push_back(json::object{{"id", id}, {"question", q}});
  o["related"] = std::move(rel);
  return o;
}

json::object ask_json(const qa::AskResult& a) {
  json::object o = a.asks.empty() ? answer_json(qa::AskAnswer{}) : answer_json(a.asks.front());
  o.erase("ask");
  o["own_case"] = a.own_case;
  json::array asks;
  for (const auto& x : a.asks) asks.push_back(answer_json(x));
  o["asks"] = std::move(asks);
  o["message"] = a.message;
  o["queue_id"] = a.queued ? json::value(*a.queued) : json::value(nullptr);
  return o;
}

// The contact a citizen left is personal data: only those who answer it see it.
json::object queue_json(const qa::QueueItem& q, bool with_contact) {
  return json::object{{"id", q.id},
                      {"kind", q.kind},
                      {"contact", with_contact && !q.contact.empty() ? json::value(q.contact)
                                                                     : json::value(nullptr)},
                      {"question", q.question},
                      {"asked_at", q.asked_at},
                      {"best_id", q.best_id ? json::value(*q.best_id) : json::value(nullptr)},
                      {"confidence", q.confidence},
                      {"status", q.status},
                      {"entry_id", q.entry_id ? json::value(*q.entry_id) : json::value(nullptr)},
                      {"answered_by", q.answered_by},
                      {"answered_at", q.answered_at}};
}

// Whether the caller answers citizens, and so may see the contact they left.
bool contact_visible(const Request& req) {
  return req.who && auth::role_may(req.who->user.role, auth::Action::curate);
}

int64_t id_param(const Params& p) {
  const std::string& s = p.at("id");
  int64_t v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size())
    throw not_found("queue_item_not_found", "Không có câu hỏi chờ số " + s + ".");
  return v;
}

qa::Service& service(Context& ctx) {
  return *ctx.qa;
}

}  // namespace

// The bank's JSONL file comes as the raw body, not as one JSON object.
Access jsonl_upload() {
  Access a;
  a.upload = true;
  return a;
}

void register_qa_routes(Router& r, Context& ctx) {
  r.post("/api/v1/qa/ask", [&ctx](const Request& req, const Params&) {
    const json::object body = req.json_body();
    const json::value* q = body.if_contains("question");
    if (!q || !q->is_string())
      throw invalid("missing_question", "Thiếu câu hỏi.", {{"question", "Cần một chuỗi ký tự."}});
    std::string contact;
    if (const json::value* k = body.if_contains("contact"); k && !k->is_null()) {
      if (!k->is_string())
        throw invalid("bad_contact", "Thông tin liên hệ không hợp lệ.",
                      {{"contact", "Cần một chuỗi ký tự (số điện thoại hoặc email)."}});
      contact = std::string(k->as_string());
    }
    auto c = ctx.pool->acquire();
    return Response::json(ask_json(service(ctx).ask(q->as_string(), &*c, contact)));
  });

  r.get("/api/v1/qa/queue", [&ctx](const Request& req, const Params&) {
    const std::string status = req.param("status", "open");
    if (status != "open" && status != "answered" && status != "closed")
      throw invalid("bad_status", "Trạng thái phải là open, answered hoặc closed.");
    auto c = ctx.pool->acquire();
    json::array items;
    for (const auto& q : qa::queue(*c, status, 500))
      items.push_back(queue_json(q, contact_visible(req)));
    return Response::json(json::object{{"items", std::move(items)}});
  });

  r.post("/api/v1/qa/queue/{id}/answer", [&ctx](const Request& req, const Params& p) {
    auto c = ctx.pool->acquire();
    const qa::Entry e = service(ctx).answer_queued(*c, id_param(p), req.json_body(), req.actor);
    return Response::json(qa::to_json(e, true), 201);
  });

  r.post("/api/v1/qa/queue/{id}/phrasing", [&ctx](const Request& req, const Params& p) {
    const json::object body = req.json_body();
    const json::value* e = body.if_contains("entry_id");
    if (!e || !e->is_string())
      throw invalid("missing_entry_id", "Hãy chọn mục hỏi đáp mà câu hỏi này hỏi về.",
                    {{"entry_id", "Cần mã của một mục hỏi đáp."}});
    auto c = ctx.pool->acquire();
    const qa::Entry saved =
        service(ctx).queued_to_phrasing(*c, id_param(p), std::string(e->as_string()), req.actor);
    return Response::json(qa::to_json(saved, true));
  });

  r.post("/api/v1/qa/queue/{id}/example", [&ctx](const Request& req, const Params& p) {
    const json::object body = req.json_body();
    const json::value* k = body.if_contains("kind");
    const auto kind = k && k->is_string() ? qa::parse_handoff(k->as_string()) : std::nullopt;
    if (!kind)
      throw invalid("bad_example_kind",
                    "Hãy chọn: yêu cầu tra cứu hồ sơ cá nhân, hoặc câu hỏi ngoài phạm vi.",
                    {{"kind", "Phải là own_case hoặc out_of_scope."}});
    auto c = ctx.pool->acquire();
    const auto item = service(ctx).queued_to_example(*c, id_param(p), *kind, req.actor);
    return Response::json(queue_json(item, contact_visible(req)));
  });

  r.post("/api/v1/qa/queue/{id}/close", [&ctx](const Request& req, const Params& p) {
    auto c = ctx.pool->acquire();
    return Response::json(
        queue_json(qa::close_queue_item(*c, id_param(p), req.actor), contact_visible(req)));
  });

  r.get("/api/v1/qa/entries", [&ctx](const Request& req, const Params&) {
    const std::string status = req.param("status");
    if (!status.empty() && !qa::parse_status(status))
      throw invalid("bad_status", "Trạng thái phải là draft, published hoặc retired.");
    json::array items;
    for (const auto& e : service(ctx).entries())
      if (status.empty() || status == qa::status_name(e.status))
        items.push_back(qa::to_json(e, true));
    return Response::json(json::object{{"items", std::move(items)}});
  });

  r.post("/api/v1/qa/entries", [&ctx](const Request& req, const Params&) {
    qa::Entry e = qa::parse_entry(req.json_body());
    auto c = ctx.pool->acquire();
    return Response::json(qa::to_json(service(ctx).create(*c, std::move(e), req.actor), true), 201);
  });

  r.get("/api/v1/qa/entries/{id}", [&ctx](const Request&, const Params& p) {
    for (const auto& e : service(ctx).entries())
      if (e.id == p.at("id")) return Response::json(qa::to_json(e, true));
    throw not_found("entry_not_found", "Không có mục hỏi đáp " + p.at("id") + ".");
  });

  r.put("/api/v1/qa/entries/{id}", [&ctx](const Request& req, const Params& p) {
    json::object body = req.json_body();
    if (!body.contains("id")) body["id"] = p.at("id");
    qa::Entry e = qa::parse_entry(body);
    auto c = ctx.pool->acquire();
    return Response::json(
        qa::to_json(service(ctx).update(*c, p.at("id"), std::move(e), req.actor), true));
  });

  r.get("/api/v1/qa/entries/{id}/history", [&ctx](const Request&, const Params& p) {
    auto c = ctx.pool->acquire();
    json::array items;
    for (const auto& e : qa::entry_history(*c, p.at("id"))) items.push_back(qa::to_json(e, true));
    return Response::json(json::object{{"items", std::move(items)}});
  });

  r.post(
      "/api/v1/qa/import",
      [&ctx](const Request& req, const Params&) {
        auto c = ctx.pool->acquire();
        const auto res = service(ctx).import_jsonl(*c, req.body, req.actor);
        return Response::json(json::object{{"created", res.created},
                                           {"updated", res.updated},
                                           {"unchanged", res.unchanged},
                                           {"examples", res.examples}});
      },
      jsonl_upload());

  r.get("/api/v1/qa/export", [&ctx](const Request&, const Params&) {
    Response res;
    res.content_type = "application/x-ndjson; charset=utf-8";
    res.body = service(ctx).export_jsonl();
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"qa-bank.jsonl\"");
    return res;
  });
}

}  // namespace caunoi::api
