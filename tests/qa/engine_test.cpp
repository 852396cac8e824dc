// tests/qa/engine_test.cpp — the engine on hard questions: abbreviations, unaccented and Telex
// input, decomposed Unicode, empty and 100 KB questions, control characters; accent preference;
// validity and status; many threads asking at once.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "qa_fixture.h"
#include "text/tokenize.h"

using namespace caunoi;
using namespace caunoi::qa;
using qa_test::best_id;
using qa_test::starter_engine;

TEST(Engine, AbbreviationsFindTheirEntries) {
  const Engine& e = starter_engine();
  auto r = e.ask("bhyt hgd");
  EXPECT_EQ(best_id(e, r).rfind("bhyt-hgd-", 0), 0u) << best_id(e, r);
  r = e.ask("dong bhxh tu nguyen bao nhieu");
  EXPECT_EQ(best_id(e, r).rfind("bhxh-tn-", 0), 0u) << best_id(e, r);
}

TEST(Engine, UnaccentedTelexAndAccentedAgree) {
  const Engine& e = starter_engine();
  const auto accented = e.ask("Điều kiện hưởng trợ cấp thất nghiệp là gì?");
  ASSERT_TRUE(accented.answered);
  EXPECT_EQ(best_id(e, e.ask("dieu kien huong tro cap that nghiep la gi")), best_id(e, accented));
  EXPECT_EQ(best_id(e, e.ask("ddieeuf kieenj huowngr trowj caaps thaats nghieepj")),
            best_id(e, accented));
  EXPECT_EQ(best_id(e, e.ask("dieu kien huong tro cap that ngiep la gi")),
            best_id(e, accented));  // typo
}

TEST(Engine, DecomposedUnicodeAndControlCharactersChangeNothing) {
  const Engine& e = starter_engine();
  const auto nfc = e.ask("Mức đóng bảo hiểm y tế hộ gia đình");
  const auto nfd = e.ask(
      "Mu\xcc\x9b\xcc\x81"
      "c \xc4\x91o\xcc\x81ng ba\xcc\x89o hie\xcc\x82\xcc\x89m y te\xcc\x82\xcc\x81 "
      "ho\xcc\xa3 gia \xc4\x91i\xcc\x80nh");
  const auto ctrl = e.ask("Mức\x01 đóng\tbảo hiểm\x7f y tế\r\nhộ gia đình\x1b");
  EXPECT_EQ(best_id(e, nfd), best_id(e, nfc));
  EXPECT_EQ(best_id(e, ctrl), best_id(e, nfc));
  EXPECT_NEAR(nfd.confidence, nfc.confidence, 1e-9);
}

TEST(Engine, EmptyQuestionIsNotAnswered) {
  const Engine& e = starter_engine();
  for (const char* q : {"", "   ", "?!...", "\x01\x02"}) {
    auto r = e.ask(q);
    EXPECT_FALSE(r.answered) << q;
    EXPECT_EQ(r.best, -1);
    EXPECT_TRUE(r.related.empty());
  }
}

TEST(Engine, HundredKilobyteQuestionIsHandled) {
  const Engine& e = starter_engine();
  std::string q = "Tôi muốn hỏi về tuổi nghỉ hưu của lao động nữ năm 2026. ";
  while (q.size() < 100 * 1024) q += "Xin cảm ơn anh chị rất nhiều. ";
  auto r = e.ask(q);
  EXPECT_EQ(best_id(e, r), "huu-tri-002");
  EXPECT_GE(r.confidence, 0.0);
  EXPECT_LE(r.confidence, 1.0);
}

TEST(Engine, OutOfScopeIsHandedOff) {
  const Engine& e = starter_engine();
  auto r = e.ask("Thời tiết Hà Nội ngày mai có mưa không?");
  EXPECT_FALSE(r.answered);
  EXPECT_LT(r.confidence, e.options().threshold);
  EXPECT_LE(r.related.size(), 3u);
}

namespace {

Entry make(std::string id, std::string q, std::string a) {
  Entry e;
  e.id = std::move(id);
  e.question = std::move(q);
  e.answer = std::move(a);
  return e;
}

}  // namespace

TEST(Engine, AccentedQueryPrefersAccentedMatch) {
  auto res = Resources::load(qa_test::data_dir());
  Engine e({make("so", "Thủ tục cấp lại sổ khi bị mất", "Nộp đơn."),
            make("so2", "Thủ tục cấp lại số khi bị mất", "Nộp đơn.")},
           res);
  EXPECT_EQ(best_id(e, e.ask("cấp lại sổ")), "so");
  EXPECT_EQ(best_id(e, e.ask("cấp lại số")), "so2");
  // Unaccented: either is fine, but both are found.
  auto r = e.ask("cap lai so");
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_FLOAT_EQ(r.hits[0].score, r.hits[1].score);
}

TEST(Engine, OnlyPublishedEntriesValidTodayAreAnswered) {
  auto res = Resources::load(qa_test::data_dir());
  const Date today = *Date::parse("2026-03-01");
  Entry draft =
      make("draft", "Mức hưởng trợ cấp mai táng là bao nhiêu?", "Mười lần mức tham chiếu.");
  draft.status = Status::draft;
  Entry expired = make("old", "Mức hưởng trợ cấp mai táng là bao nhiêu?", "Mười lần lương cơ sở.");
  expired.valid_to = *Date::parse("2025-06-30");
  Entry future = make("future", "Mức hưởng trợ cấp mai táng là bao nhiêu?", "Sau này.");
  future.valid_from = *Date::parse("2027-01-01");
  Entry current =
      make("now", "Mức hưởng trợ cấp mai táng là bao nhiêu?", "Mười lần mức tham chiếu.");
  current.valid_from = *Date::parse("2025-07-01");
  Engine e({draft, expired, future, current}, res, {}, today);
  ASSERT_EQ(e.entries().size(), 1u);
  EXPECT_EQ(best_id(e, e.ask("trợ cấp mai táng bao nhiêu")), "now");
}

TEST(Engine, ConcurrentAsksGiveTheSameAnswers) {
  const Engine& e = starter_engine();
  const std::vector<std::string> qs = {"bhyt hgd", "tuoi nghi huu 2026", "rút bhxh 1 lần",
                                       "Thời tiết ngày mai", "baor hieemr thaats nghieepj"};
  std::vector<std::string> expected;
  for (const auto& q : qs) expected.push_back(best_id(e, e.ask(q)));
  std::vector<std::thread> threads;
  std::atomic<int> mismatches{0};
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i)
        for (std::size_t k = 0; k < qs.size(); ++k)
          if (best_id(e, e.ask(qs[k])) != expected[k]) ++mismatches;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(mismatches.load(), 0);
}
