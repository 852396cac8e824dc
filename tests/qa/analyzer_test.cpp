// tests/qa/analyzer_test.cpp — how questions become terms (qa/analyzer.h) and term ids
// (qa/index.h), on the project's lexicon.
#include <gtest/gtest.h>

#include <algorithm>

#include "qa/analyzer.h"
#include "qa/index.h"
#include "qa_fixture.h"

using namespace caunoi;
using namespace caunoi::qa;

namespace {

Analyzer analyzer() {
  return Analyzer(std::make_shared<text::Lexicon>(
                      text::Lexicon::load(qa_test::data_dir() / "qa" / "lexicon.txt")),
                  nullptr, AnalyzerOptions{});
}

std::vector<std::string> folded(const std::vector<text::Token>& t) {
  std::vector<std::string> out;
  for (const auto& x : t) out.push_back(x.folded);
  return out;
}

using Words = std::vector<std::string>;

}  // namespace

TEST(Analyzer, NumbersGluedToTheirUnitAreSplit) {
  const Analyzer a = analyzer();
  EXPECT_EQ(folded(a.repaired("dong 7th", nullptr)), (Words{"dong", "7", "thang"}));
  EXPECT_EQ(folded(a.repaired("đóng 6tháng", nullptr)), (Words{"dong", "6", "thang"}));
  EXPECT_EQ(folded(a.repaired("thai 21tuần", nullptr)), (Words{"thai", "21", "tuan"}));
  EXPECT_EQ(folded(a.repaired("tu t1-t7", nullptr)), (Words{"tu", "thang", "1", "thang", "7"}));
  // A lone "t" glued to a number (tuổi, tháng, triệu) is dropped, not read as "tôi".
  EXPECT_EQ(folded(a.repaired("con duoi 7t", nullptr)), (Words{"con", "duoi", "7"}));
  // Other words with digits, and codes, stay whole.
  EXPECT_EQ(folded(a.repaired("covid19 mã 0123456789", nullptr)),
            (Words{"covid19", "ma", "0123456789"}));
  // The documents are read the same way.
  const auto words = a.content_words("Đóng đủ 6tháng");
  EXPECT_NE(std::find(words.begin(), words.end(), "thang"), words.end());
}

TEST(Index, AnUnknownTermHasNoId) {
  const Analyzer a = analyzer();
  const Index index({DocFields{"Lương hưu", "", "", ""}}, a);
  EXPECT_GE(index.id("luong"), 0);
  EXPECT_EQ(index.id("khongcotrongchimuc"), -1);
}
