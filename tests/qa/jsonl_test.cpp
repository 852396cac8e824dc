// tests/qa/jsonl_test.cpp — the bank's JSONL format: the starter bank reads, export and import
// round-trip, and a bad file is refused whole with every bad line and field named.
#include <gtest/gtest.h>

#include "qa/jsonl.h"
#include "qa_fixture.h"

using namespace caunoi;
using namespace caunoi::qa;

TEST(Jsonl, StarterBankLoadsAndRoundTrips) {
  auto bank = load_jsonl(qa_test::data_dir() / "qa" / "kb.jsonl");
  ASSERT_EQ(bank.size(), 150u);
  EXPECT_EQ(bank[0].id, "bhxh-bb-001");
  EXPECT_FALSE(bank[0].alt_questions.empty());
  EXPECT_EQ(bank[0].status, Status::published);
  auto again = parse_jsonl(to_jsonl(bank));
  ASSERT_EQ(again.size(), bank.size());
  for (std::size_t i = 0; i < bank.size(); ++i)
    EXPECT_EQ(boost::json::serialize(to_json(again[i])), boost::json::serialize(to_json(bank[i])));
}

TEST(Jsonl, BadFileIsRefusedWholeWithEveryError) {
  const std::string text =
      R"({"id": "a-1", "question": "Hỏi?", "answer": "Đáp."})"
      "\n"
      "\n"
      R"({"id": "a-1", "question": "Trùng mã?", "answer": "Đáp."})"
      "\n"
      "not json\n"
      R"({"id": "bad id!", "question": "", "answer": "x", "status": "gone", "valid_from": "2025-13-01"})"
      "\n";
  try {
    parse_jsonl(text);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "invalid_jsonl");
    std::vector<long> rows;
    for (const auto& f : e.fields()) rows.push_back(f.row);
    EXPECT_EQ(std::count(rows.begin(), rows.end(), 3), 1);  // duplicate id
    EXPECT_EQ(std::count(rows.begin(), rows.end(), 4), 1);  // not JSON
    EXPECT_EQ(std::count(rows.begin(), rows.end(), 5), 4);  // id, question, valid_from, status
  }
}

TEST(Jsonl, ValidityDatesAndStatusAreRead) {
  auto v = parse_jsonl(
      R"({"id": "x", "question": "q", "answer": "a", "valid_from": "01/07/2025", "valid_to": "2026-06-30", "status": "retired"})");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].valid_from->iso(), "2025-07-01");
  EXPECT_EQ(v[0].status, Status::retired);
  EXPECT_FALSE(v[0].answerable(*Date::parse("2026-01-01")));
}
