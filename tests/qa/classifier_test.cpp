// tests/qa/classifier_test.cpp — the learned classifier (qa/classifier.h) on small problems whose
// answer is known.
#include <gtest/gtest.h>

#include <algorithm>

#include "qa/classifier.h"

using namespace caunoi::qa;

namespace {

uint32_t argmax(const std::vector<float>& s) {
  return static_cast<uint32_t>(std::max_element(s.begin(), s.end()) - s.begin());
}

std::vector<Example> toy() {
  // Three classes told apart by one word each, with shared noise words.
  return {{{"luong", "huu", "bao", "nhieu"}, 0}, {{"tuoi", "nghi", "huu"}, 0},
          {{"huu", "tri", "dieu", "kien"}, 0},   {{"thai", "san", "bao", "nhieu"}, 1},
          {{"sinh", "con", "thai", "san"}, 1},   {{"nghi", "sinh", "thai", "san"}, 1},
          {{"the", "bhyt", "het", "han"}, 2},    {{"cap", "lai", "the", "bhyt"}, 2},
          {{"bhyt", "ho", "gia", "dinh"}, 2}};
}

}  // namespace

TEST(Classifier, LearnsWhatTellsClassesApart) {
  const Classifier c(toy(), 3);
  EXPECT_EQ(argmax(c.scores({"huu", "bao", "nhieu"})), 0u);
  EXPECT_EQ(argmax(c.scores({"thai", "san", "bao", "nhieu"})), 1u);
  EXPECT_EQ(argmax(c.scores({"bhyt", "con", "han", "khong"})), 2u);
  // Words never seen leave every score at zero.
  const auto none = c.scores({"thoi", "tiet"});
  EXPECT_TRUE(std::all_of(none.begin(), none.end(), [](float x) { return x == 0; }));
}

TEST(Classifier, TrainingIsDeterministic) {
  const Classifier a(toy(), 3), b(toy(), 3);
  EXPECT_EQ(a.scores({"nghi", "sinh"}), b.scores({"nghi", "sinh"}));
  EXPECT_GT(a.weights(), 0u);
}

TEST(Classifier, RepeatedFeaturesCountOnce) {
  const Classifier c(toy(), 3);
  EXPECT_EQ(c.scores({"thai", "san"}), c.scores({"thai", "san", "thai", "thai"}));
}

TEST(Classifier, DegenerateInputsGiveEmptyModels) {
  EXPECT_EQ(Classifier({}, 3).weights(), 0u);
  EXPECT_EQ(Classifier(toy(), 1).scores({"huu"}).size(), 1u);
  // Labels beyond the classes are skipped, not written out of bounds.
  const Classifier c({{{"a"}, 7}, {{"b"}, 0}, {{"c"}, 1}}, 2);
  EXPECT_EQ(c.scores({"a"}), std::vector<float>(2, 0));
}
