// tests/qa/service_test.cpp — the bank in the database: first start imports the starter bank,
// changes are versioned with who and when, imports are all or nothing, unanswered questions are
// queued and become entries, and the engine follows every change. Also the HTTP-shaped routes.
#include <gtest/gtest.h>

#include <unistd.h>

#include "api/context.h"
#include "api/router.h"
#include "foundation/test_db.h"
#include "qa/service.h"
#include "qa_fixture.h"
#include "store/pool.h"

using namespace caunoi;
using namespace caunoi::qa;

namespace {

boost::json::object entry_body(const std::string& id, const std::string& q, const std::string& a) {
  return boost::json::object{{"id", id}, {"topic", "Thử"}, {"question", q}, {"answer", a}};
}

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = store::open_sqlite(":memory:");
    svc_ = open_service(*db_, qa_test::data_dir());
  }
  std::unique_ptr<store::Connection> db_;
  std::unique_ptr<Service> svc_;
};

}  // namespace

TEST_F(ServiceTest, FirstStartImportsTheStarterBankOnce) {
  EXPECT_EQ(svc_->entries().size(), 150u);
  auto again = open_service(*db_, qa_test::data_dir());
  EXPECT_EQ(db_->scalar("SELECT COUNT(*) FROM qa_entry_versions"), 150);
  EXPECT_TRUE(svc_->ask("bhyt hgd bao nhieu tien").answered());
}

TEST_F(ServiceTest, EmptyQuestionIsRefused) {
  try {
    svc_->ask(" \t?");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "empty_question");
    EXPECT_EQ(e.kind(), ErrorKind::invalid_input);
  }
}

TEST_F(ServiceTest, UnansweredQuestionIsQueuedAndAnsweredByStaff) {
  const std::string q = "Cơ quan BHXH có nhận đóng tiền mặt tại nhà cho người già yếu không?";
  auto a = svc_->ask("Thời tiết Hà Nội ngày mai thế nào?", db_.get());
  ASSERT_FALSE(a.answered());
  EXPECT_FALSE(a.message.empty());
  ASSERT_TRUE(a.queued);
  auto open = queue(*db_, "open", 10);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].question, "Thời tiết Hà Nội ngày mai thế nào?");

  // Staff answer it: a new entry (question defaults to the queued one) that the engine uses.
  auto body = entry_body("thoi-tiet-001", "", "Cổng hỏi đáp không trả lời về thời tiết.");
  body.erase("question");
  Entry e = svc_->answer_queued(*db_, *a.queued, body, testutil::by("canbo1"));
  EXPECT_EQ(e.question, "Thời tiết Hà Nội ngày mai thế nào?");
  EXPECT_EQ(e.updated_by, "canbo1");
  EXPECT_TRUE(queue(*db_, "open", 10).empty());
  EXPECT_EQ(queue(*db_, "answered", 10)[0].entry_id, "thoi-tiet-001");
  auto now = svc_->ask("Thời tiết Hà Nội ngày mai thế nào?", db_.get());
  EXPECT_TRUE(now.answered());
  EXPECT_EQ(now.asks.at(0).id, "thoi-tiet-001");
  EXPECT_THROW(
      svc_->answer_queued(*db_, *a.queued, entry_body("x-2", "q", "a"), testutil::by("canbo1")),
      Error);
}

TEST_F(ServiceTest, OwnCaseRequestIsQueuedOnceAsACaseWithItsContact) {
  const std::string q =
      "Em sinh con tháng 2/2025, đã nộp đủ hồ sơ thai sản cho công ty từ tháng 3 nhưng đến nay "
      "vẫn chưa nhận được tiền. Hồ sơ của em đã được duyệt chưa ạ? Mã BHXH 0123456789";
  const auto a = svc_->ask(q, db_.get(), "0912 345 678");
  EXPECT_TRUE(a.own_case);
  EXPECT_TRUE(a.asks.empty());
  EXPECT_FALSE(a.answered());
  EXPECT_NE(a.message.find("1900 9068"), std::string::npos);
  EXPECT_NE(a.message.find("VssID"), std::string::npos);
  const auto open = queue(*db_, "open", 10);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].kind, "case");
  EXPECT_EQ(open[0].contact, "0912 345 678");
  EXPECT_EQ(open[0].question, q);
  // Answered in person, it is closed without a bank entry.
  EXPECT_EQ(close_queue_item(*db_, open[0].id, testutil::by("canbo1")).status, "closed");
  EXPECT_TRUE(queue(*db_, "open", 10).empty());
  EXPECT_THROW(close_queue_item(*db_, open[0].id, testutil::by("canbo1")), Error);
}

TEST_F(ServiceTest, ALetterIsQueuedOnceAndTooLongIsRefused) {
  // Nothing is queued for a message answered whole.
  svc_->ask("Mức đóng BHYT hộ gia đình là bao nhiêu?", db_.get());
  EXPECT_TRUE(queue(*db_, "open", 10).empty());
  try {
    svc_->ask(std::string(kMaxQuestionBytes + 1, 'a'), db_.get());
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "question_too_long");
  }
  EXPECT_THROW(svc_->ask("bhyt", db_.get(), std::string(kMaxContactBytes + 1, '9')), Error);
  EXPECT_TRUE(queue(*db_, "open", 10).empty());
}

TEST_F(ServiceTest, AQueuedQuestionBecomesATrainingPhrasingInOneStep) {
  const std::string q = "Cơ quan BHXH có nhận đóng tiền mặt tại nhà cho người già yếu không?";
  const auto a = svc_->ask(q, db_.get());
  ASSERT_TRUE(a.queued);
  const Entry before = *find_entry(*db_, "bhxh-tn-003");
  const Entry e = svc_->queued_to_phrasing(*db_, *a.queued, "bhxh-tn-003", testutil::by("canbo1"));
  EXPECT_EQ(e.version, before.version + 1);
  EXPECT_EQ(e.phrasings.back(), q);
  EXPECT_EQ(e.phrasings.size(), before.phrasings.size() + 1);
  EXPECT_EQ(queue(*db_, "answered", 10).at(0).entry_id, "bhxh-tn-003");
  // The engine was retrained: the very question now gets that entry.
  const auto now = svc_->ask(q, db_.get());
  ASSERT_TRUE(now.answered());
  EXPECT_EQ(now.asks.at(0).id, "bhxh-tn-003");
  EXPECT_THROW(svc_->queued_to_phrasing(*db_, *a.queued, "bhxh-tn-003", testutil::by("canbo1")),
               Error);
  EXPECT_THROW(svc_->queued_to_phrasing(*db_, 999999, "bhxh-tn-003", testutil::by("canbo1")),
               Error);
}

TEST_F(ServiceTest, UpdatesAreVersionedAndRetiringStopsAnswers) {
  Entry e = parse_entry(entry_body("moi-001", "Nộp tiền BHXH tự nguyện qua ví điện tử được không?",
                                   "Được, qua Cổng Dịch vụ công."));
  svc_->create(*db_, e, testutil::by("a"));
  EXPECT_EQ(svc_->ask("nop tien bhxh tu nguyen qua vi dien tu").asks.at(0).id, "moi-001");
  e.status = Status::retired;
  svc_->update(*db_, "moi-001", e, testutil::by("b"));
  EXPECT_NE(svc_->ask("nop tien bhxh tu nguyen qua vi dien tu").asks.at(0).id, "moi-001");
  auto h = entry_history(*db_, "moi-001");
  ASSERT_EQ(h.size(), 2u);
  EXPECT_EQ(h[0].updated_by, "a");
  EXPECT_EQ(h[1].updated_by, "b");
  EXPECT_EQ(h[1].version, 2);
  EXPECT_EQ(h[1].status, Status::retired);
  EXPECT_THROW(svc_->create(*db_, e, testutil::by("c")), Error);              // exists
  EXPECT_THROW(svc_->update(*db_, "khong-co", e, testutil::by("c")), Error);  // id mismatch
}

TEST_F(ServiceTest, ImportIsAllOrNothing) {
  const std::string good = R"({"id": "n-1", "question": "Câu một?", "answer": "Một."})";
  const std::string bad = R"({"id": "n-2", "question": "", "answer": "Hai."})";
  EXPECT_THROW(svc_->import_jsonl(*db_, good + "\n" + bad + "\n", testutil::by("x")), Error);
  EXPECT_EQ(svc_->entries().size(), 150u);
  auto r = svc_->import_jsonl(*db_, good + "\n", testutil::by("x"));
  EXPECT_EQ(r.created, 1);
  EXPECT_EQ(svc_->entries().size(), 151u);
  // Re-importing the export changes nothing.
  auto again = svc_->import_jsonl(*db_, svc_->export_jsonl(), testutil::by("x"));
  EXPECT_EQ(again.unchanged, 151);
  EXPECT_EQ(again.created + again.updated, 0);
}

namespace {

// The Q&A routes over a service on a database file, as the server runs them.
class QaRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/caunoi-qa-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    const std::string path = dir_ + "/t.db";
    {
      auto c = store::open_sqlite(path);
      svc_ = open_service(*c, qa_test::data_dir());
    }
    pool_ = std::make_unique<store::Pool>([path] { return store::open_sqlite(path); }, 2);
    ctx_.pool = pool_.get();
    ctx_.qa = svc_.get();
    api::register_qa_routes(r_, ctx_);
  }
  void TearDown() override {
    pool_.reset();
    std::filesystem::remove_all(dir_);
  }
  api::Response call(std::string method, std::string p, std::string body = "") {
    api::Request q;
    q.method = std::move(method);
    q.path = std::move(p);
    q.body = std::move(body);
    q.headers["x-user"] = "canbo";
    return r_.dispatch(q);
  }
  std::string dir_;
  std::unique_ptr<Service> svc_;
  std::unique_ptr<store::Pool> pool_;
  api::Context ctx_;
  api::Router r_;
};

}  // namespace

TEST_F(QaRoutes, AskQueueAndBankOverTheRouter) {
  auto res = call("POST", "/api/v1/qa/ask", R"({"question": "bhyt hgd mot nam bao nhieu tien"})");
  ASSERT_EQ(res.status, 200) << res.body;
  auto o = boost::json::parse(res.body).as_object();
  EXPECT_TRUE(o["answered"].as_bool());
  EXPECT_EQ(o["id"].as_string(), "bhyt-hgd-001");
  EXPECT_LE(o["related"].as_array().size(), 3u);

  res =
      call("POST", "/api/v1/qa/ask", R"({"question": "Thời tiết Hà Nội ngày mai có mưa không?"})");
  o = boost::json::parse(res.body).as_object();
  EXPECT_FALSE(o["answered"].as_bool());
  EXPECT_TRUE(o["id"].is_null());
  EXPECT_FALSE(o["message"].as_string().empty());
  const auto qid = o["queue_id"].as_int64();

  EXPECT_EQ(call("POST", "/api/v1/qa/ask", R"({"question": ""})").status, 400);
  EXPECT_EQ(call("POST", "/api/v1/qa/ask", R"({"q": "x"})").status, 400);

  res = call("GET", "/api/v1/qa/queue");
  EXPECT_EQ(boost::json::parse(res.body).at("items").as_array().size(), 1u);
  res = call(
      "POST", "/api/v1/qa/queue/" + std::to_string(qid) + "/answer",
      R"({"id": "ngoai-pham-vi-001", "answer": "Cổng chỉ giải đáp chính sách BHXH, BHYT, BHTN."})");
  EXPECT_EQ(res.status, 201) << res.body;

  res = call(
      "PUT", "/api/v1/qa/entries/ngoai-pham-vi-001",
      R"({"question": "Hỏi về bóng đá?", "answer": "Không thuộc phạm vi.", "status": "draft"})");
  EXPECT_EQ(res.status, 200) << res.body;
  res = call("GET", "/api/v1/qa/entries/ngoai-pham-vi-001/history");
  auto hist = boost::json::parse(res.body).at("items").as_array();
  ASSERT_EQ(hist.size(), 2u);
  EXPECT_EQ(hist[1].at("updated_by").as_string(), "canbo");
  EXPECT_EQ(call("GET", "/api/v1/qa/entries/khong-co").status, 404);
  EXPECT_EQ(call("POST", "/api/v1/qa/import", "{\"id\": 1}\n").status, 400);
  res = call("GET", "/api/v1/qa/export");
  EXPECT_EQ(std::count(res.body.begin(), res.body.end(), '\n'), 151);
  res = call("POST", "/api/v1/qa/import", res.body);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(boost::json::parse(res.body).at("examples").as_int64(), 0);
}

TEST_F(QaRoutes, AQueuedQuestionBecomesAHandOffExampleInOneStep) {
  auto ask = [&](const std::string& q) {
    const auto res = call("POST", "/api/v1/qa/ask",
                          boost::json::serialize(boost::json::object{{"question", q}}));
    EXPECT_EQ(res.status, 200) << res.body;
    return boost::json::parse(res.body).as_object();
  };
  auto example = [&](int64_t id, const std::string& kind) {
    return call("POST", "/api/v1/qa/queue/" + std::to_string(id) + "/example",
                boost::json::serialize(boost::json::object{{"kind", kind}}));
  };
  // The engine misses that this asks about the asker's mother's own file.
  const std::string mine = "Cho tôi biết mẹ tôi còn được lĩnh tiền tuất không";
  auto o = ask(mine);
  ASSERT_FALSE(o["own_case"].as_bool());
  ASSERT_FALSE(o["answered"].as_bool());
  const int64_t qid = o["queue_id"].as_int64();

  EXPECT_EQ(example(qid, "khác").status, 400);
  EXPECT_EQ(example(987654, "own_case").status, 404);
  auto res = example(qid, "own_case");
  ASSERT_EQ(res.status, 200) << res.body;
  auto item = boost::json::parse(res.body).as_object();
  // Still open, now as a case: a person must still look the file up.
  EXPECT_EQ(item["kind"].as_string(), "case");
  EXPECT_EQ(item["status"].as_string(), "open");
  res = example(qid, "own_case");
  EXPECT_EQ(res.status, 409);
  EXPECT_NE(res.body.find("queue_item_example_exists"), std::string::npos);
  // The engine was retrained: the same message is now an own-case request, queued as a case.
  o = ask(mine);
  EXPECT_TRUE(o["own_case"].as_bool());
  EXPECT_TRUE(o["id"].is_null());
  EXPECT_EQ(o["message"].as_string(), own_case_message());

  // An out-of-scope message is closed, and no longer answered with a neighbouring entry.
  const std::string stray = "Con đường nào gần nhất để đi từ Hà Nội vào Huế?";
  o = ask(stray);
  ASSERT_FALSE(o["answered"].as_bool());
  res = example(o["queue_id"].as_int64(), "out_of_scope");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(boost::json::parse(res.body).at("status").as_string(), "closed");
  o = ask(stray);
  EXPECT_FALSE(o["answered"].as_bool());
  EXPECT_FALSE(o["own_case"].as_bool());
  EXPECT_EQ(o["confidence"].as_double(), 0.0);

  // Both were written with their audit records, and count when the bank is loaded again (a
  // restarted server, another server on the same database).
  auto c = pool_->acquire();
  audit::Filter f;
  f.action_prefix = "POST /api/v1/qa/queue/{id}/example";
  EXPECT_EQ(audit::count(*c, f), 2);
  const auto examples = load_handoff_examples(*c);
  ASSERT_EQ(examples.size(), 2u);
  EXPECT_EQ(examples[0].text, mine);
  EXPECT_EQ(examples[0].kind, Handoff::own_case);
  EXPECT_EQ(examples[1].kind, Handoff::out_of_scope);
  const auto again = open_service(*c, qa_test::data_dir());
  EXPECT_TRUE(again->ask(mine).own_case);
  EXPECT_FALSE(again->ask(stray).answered());
}

// Staff's hand-off examples leave with the bank's export and come back with its import: into a
// fresh database, they are stored with who made them and when, the engine learns them, and that
// database exports the same file. Importing the file again adds nothing.
TEST_F(QaRoutes, HandOffExamplesRoundTripThroughTheBanksJsonl) {
  const std::string mine = "Cho tôi biết mẹ tôi còn được lĩnh tiền tuất không";
  const std::string stray = "Con đường nào gần nhất để đi từ Hà Nội vào Huế?";
  for (const auto& [q, kind] : {std::pair{mine, "own_case"}, std::pair{stray, "out_of_scope"}}) {
    auto res = call("POST", "/api/v1/qa/ask",
                    boost::json::serialize(boost::json::object{{"question", q}}));
    const auto qid = boost::json::parse(res.body).at("queue_id").as_int64();
    res = call("POST", "/api/v1/qa/queue/" + std::to_string(qid) + "/example",
               boost::json::serialize(boost::json::object{{"kind", kind}}));
    ASSERT_EQ(res.status, 200) << res.body;
  }
  const std::string exported = call("GET", "/api/v1/qa/export").body;
  EXPECT_EQ(std::count(exported.begin(), exported.end(), '\n'), 152);  // 150 entries, 2 examples
  const auto bank = parse_bank_jsonl(exported);
  EXPECT_EQ(bank.entries.size(), 150u);
  ASSERT_EQ(bank.handoff.size(), 2u);
  EXPECT_EQ(bank.handoff[1].text, stray);
  EXPECT_EQ(bank.handoff[1].added_by, "canbo");

  // A fresh database, whose first start seeds the starter bank without the examples.
  auto fresh = store::open_sqlite(":memory:");
  auto svc = open_service(*fresh, qa_test::data_dir());
  EXPECT_TRUE(load_handoff_examples(*fresh).empty());
  EXPECT_FALSE(svc->ask(mine).own_case);
  const auto r = svc->import_jsonl(*fresh, exported, testutil::by("nhap"));
  EXPECT_EQ(r.unchanged, 150);
  EXPECT_EQ(r.examples, 2);
  const auto examples = load_handoff_examples(*fresh);
  ASSERT_EQ(examples.size(), 2u);
  EXPECT_EQ(examples[0].text, mine);
  EXPECT_EQ(examples[0].kind, Handoff::own_case);
  EXPECT_EQ(examples[1].kind, Handoff::out_of_scope);
  EXPECT_EQ(examples[0].added_by, "canbo");  // who made it, not who imported it
  EXPECT_EQ(examples[0].added_at, bank.handoff[0].added_at);
  EXPECT_TRUE(svc->ask(mine).own_case);  // the engine learnt them
  EXPECT_FALSE(svc->ask(stray).answered());
  EXPECT_EQ(svc->export_jsonl(), exported);
  EXPECT_EQ(svc->import_jsonl(*fresh, exported, testutil::by("nhap")).examples, 0);
  EXPECT_EQ(load_handoff_examples(*fresh).size(), 2u);

  // A bad example line refuses the whole file.
  EXPECT_THROW(svc->import_jsonl(*fresh, R"({"q": "", "kind": "own_case"})", testutil::by("x")),
               Error);
  EXPECT_THROW(svc->import_jsonl(*fresh, R"({"q": "x", "kind": "khác"})", testutil::by("x")),
               Error);
  EXPECT_EQ(load_handoff_examples(*fresh).size(), 2u);
}
