// tests/qa/evaluation_test.cpp — the engine on the project's own question set
// (data/qa/testset.jsonl) must reach the targets of issue 5: top-1 ≥ 92 %, ≥ 90 % on questions
// typed without diacritics, out-of-scope rejection ≥ 80 %. Accuracy only; latency is the
// benchmark's business (bench/qa_bench).
#include <gtest/gtest.h>

#include <set>

#include "qa/evaluate.h"
#include "qa_fixture.h"

using namespace caunoi::qa;

TEST(Evaluation, TestSetIsLargeAndCoversTheBank) {
  const auto items = load_eval_set(qa_test::data_dir() / "qa" / "testset.jsonl");
  EXPECT_GE(items.size(), 400u);
  int oos = 0;
  std::set<std::string> covered;
  for (const auto& it : items) {
    if (it.expected)
      covered.insert(*it.expected);
    else
      ++oos;
  }
  EXPECT_GE(oos, 35);
  EXPECT_EQ(covered.size(), qa_test::starter_engine().entries().size());
}

TEST(Evaluation, MeetsTheTargets) {
  const auto items = load_eval_set(qa_test::data_dir() / "qa" / "testset.jsonl");
  const auto s = evaluate(items, engine_system(qa_test::starter_engine()));
  EXPECT_GE(s.top1(), 0.92) << s.correct << "/" << s.in_scope;
  EXPECT_GE(s.unaccented_top1(), 0.90) << s.unaccented_correct << "/" << s.unaccented;
  EXPECT_GE(s.rejection(), 0.80) << s.oos_rejected << "/" << s.oos;
  const auto held =
      evaluate(select(items, Split::held_out), engine_system(qa_test::starter_engine()));
  EXPECT_GE(held.top1(), 0.90) << held.correct << "/" << held.in_scope;
}

// Real portal questions (data/qa/real_dev.jsonl, a copy of ../shared/data/qa/real_dev.jsonl):
// the engine was tuned on them, so these are dev figures. The floors are issue 18's targets,
// met on 8 Dec 2026 (126/147 right, 5/106 own-case answered): 85 % right decisions and under 5 %
// of own-case requests answered.
TEST(Evaluation, RealPortalQuestionsDev) {
  const auto items = load_eval_set(qa_test::data_dir() / "qa" / "real_dev.jsonl");
  ASSERT_EQ(items.size(), 147u);
  const auto s = evaluate(items, engine_system(qa_test::starter_engine()));
  EXPECT_GE(s.decisions(), 0.85) << s.right << "/" << s.total;
  EXPECT_LT(s.own_case_answered(), 0.05) << s.own_cases_answered << "/" << s.own_cases;
}

// The blind set was written before the learned model existed and is never tuned against.
TEST(Evaluation, BlindTestSet) {
  const auto items = load_eval_set(qa_test::data_dir() / "qa" / "blind_test.jsonl");
  ASSERT_GE(items.size(), 350u);
  const auto s = evaluate(items, engine_system(qa_test::starter_engine()));
  EXPECT_GE(s.top1(), 0.92) << s.correct << "/" << s.in_scope;
  int oos = 0, refused = 0;
  for (const auto& [style, c] : s.by_style)
    if (style == "oos") refused = c[0], oos = c[1];
  ASSERT_GT(oos, 0);
  EXPECT_GE(double(refused) / oos, 0.80) << refused << "/" << oos;
  EXPECT_LE(s.own_case_answered(), 0.05) << s.own_cases_answered << "/" << s.own_cases;
  EXPECT_GE(s.letters_right, s.letters * 3 / 4) << s.letters_right << "/" << s.letters;
}
