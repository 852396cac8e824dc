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
  // Unaccented: either is fine, but both are found, and BM25F scores them alike. The classifier
  // sees folded syllables, so the two are one text to it with two labels: how it splits them
  // depends on the rest of its training data (the hand-off examples), and its share of the blend
  // bounds the gap.
  auto r = e.ask("cap lai so");
  ASSERT_EQ(r.hits.size(), 2u);
  EXPECT_NEAR(r.hits[0].score, r.hits[1].score, e.options().learned_share);
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

// The examples of issue 18: own-case requests that used to get confident bank answers.
TEST(Engine, OwnCaseRequestsGoToAPerson) {
  const Engine& e = starter_engine();
  for (const char* q :
       {"Em sinh con tháng 2/2025, đã nộp đủ hồ sơ thai sản cho công ty từ tháng 3 nhưng đến nay "
        "vẫn chưa nhận được tiền. Em muốn hỏi hồ sơ của em đã được duyệt chưa và bao giờ được chi "
        "trả ạ? Mã BHXH 0123456789",
        "Chào anh chị, mã số BHXH của tôi là 0123456789, tôi đi làm từ năm 2018 nhưng trên VssID "
        "không thấy quá trình đóng năm 2020, nhờ cơ quan kiểm tra và cập nhật giúp tôi.",
        "lương hưu tháng này của bố tôi chưa về tài khoản, kiểm tra giúp với"}) {
    const Reply r = e.reply(q);
    EXPECT_TRUE(r.own_case) << q << " p=" << r.own_case_p;
    EXPECT_TRUE(r.asks.empty());
    EXPECT_FALSE(r.answered());
  }
}

TEST(Engine, SimpleQuestionsAreStillAnswered) {
  const Engine& e = starter_engine();
  for (const char* q : {"hotline bhxh la so may", "muc dong bhyt ho gia dinh bao nhieu",
                        "Mã số BHXH là gì, tra ở đâu?"}) {
    const Reply r = e.reply(q);
    EXPECT_FALSE(r.own_case) << q << " p=" << r.own_case_p;
    ASSERT_EQ(r.asks.size(), 1u) << q;
    EXPECT_TRUE(r.asks[0].answered) << q << " conf=" << r.asks[0].confidence;
  }
}

// The other two simple questions of issue 18 rank their entries first: the first is worded like
// a training phrasing of the entry on 100 % cover rather than like its question (training
// phrasings count in the re-ranking), the second says "nghỉ đẻ" for maternity leave.
TEST(Engine, IssueQuestionsRankTheirEntriesFirst) {
  const Engine& e = starter_engine();
  EXPECT_EQ(best_id(e, e.ask("nhung ai duoc bhyt chi tra 100%")), "bhyt-mh-001");
  EXPECT_EQ(best_id(e, e.ask("nghi de duoc may thang huong bao hiem")), "thai-san-002");
}

// A title about the rules that shares its words with own-case requests ("giải quyết hồ sơ") is
// ranked, not handed off: it names no asker, no state of a file, no request to look one up.
TEST(Engine, ATitleAboutTheRulesIsNotAnOwnCaseRequest) {
  const Engine& e = starter_engine();
  const Reply title = e.reply("Giải quyết hồ sơ tiền ốm đau");
  EXPECT_GE(title.own_case_p, e.options().own_case_threshold);  // the classifier leans own-case
  EXPECT_FALSE(title.own_case);
  ASSERT_EQ(title.asks.size(), 1u);
  EXPECT_EQ(best_id(e, title.asks[0]), "om-dau-006");
  // The same words about the asker's own file still go to a person.
  EXPECT_TRUE(e.reply("Hồ sơ tiền ốm đau của tôi nộp 3 tháng chưa được giải quyết").own_case);
}

TEST(Engine, ALetterWithTwoAsksGetsTwoAnswersInOrder) {
  const Engine& e = starter_engine();
  const Reply r = e.reply(
      "Chào anh chị, em làm công nhân ở công ty được 3 năm, có đóng BHXH đầy đủ. Tháng sau em "
      "sinh em bé. Cho em hỏi nghỉ sinh con thì được nghỉ mấy tháng? Còn nữa, mức đóng bảo hiểm "
      "y tế hộ gia đình cho bố mẹ em ở quê là bao nhiêu tiền một năm?");
  ASSERT_FALSE(r.own_case);
  ASSERT_EQ(r.asks.size(), 2u);
  EXPECT_EQ(best_id(e, r.asks[0]).rfind("thai-san-", 0), 0u) << best_id(e, r.asks[0]);
  EXPECT_EQ(best_id(e, r.asks[1]).rfind("bhyt-hgd-", 0), 0u) << best_id(e, r.asks[1]);
  EXPECT_LT(r.asks[0].text.find("mấy tháng"), std::string::npos);
}
