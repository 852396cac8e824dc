// ReadAhead (activities/read_ahead.h): the rows of another cursor, gathered on a helper thread,
// must come out exactly as the source gives them, errors included, and stopping early must not
// hang, and a rewind must start the rows over.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "activities/read_ahead.h"

using namespace caunoi;
using activities::repo::RowTexts;

namespace {

// Row k's field i: "k.i" repeated (k + i) % 5 times, so some fields are empty and lengths vary.
std::string field(long k, int i) {
  std::string one = std::to_string(k) + "." + std::to_string(i) + ";";
  std::string out;
  for (long n = 0; n < (k + i) % 5; ++n) out += one;
  return out;
}

class Numbered final : public activities::repo::RowCursor {
 public:
  Numbered(long rows, long throw_at = -1) : rows_(rows), throw_at_(throw_at) {}
  bool next(RowTexts& out) override {
    if (k_ == throw_at_) throw std::runtime_error("source failed");
    if (k_ == rows_) return false;
    for (int i = 0; i < 14; ++i) f_[i] = field(k_, i);
    out = RowTexts{f_[0], f_[1], f_[2], f_[3],  f_[4],  f_[5],  f_[6],
                   f_[7], f_[8], f_[9], f_[10], f_[11], f_[12], f_[13]};
    ++k_;
    return true;
  }
  bool rewind() override {
    k_ = 0;
    return true;
  }

 private:
  long rows_, throw_at_, k_ = 0;
  std::string f_[14];
};

}  // namespace

TEST(ReadAhead, GivesEveryRowOfTheSourceInOrder) {
  Numbered src(10007);  // several chunks and a partial last one
  activities::ReadAhead ahead(src);
  RowTexts r;
  long k = 0;
  while (ahead.next(r)) {
    for (int i = 0; i < 14; ++i) ASSERT_EQ(r.at(i), field(k, i)) << "row " << k << " field " << i;
    ++k;
  }
  EXPECT_EQ(k, 10007);
  EXPECT_FALSE(ahead.next(r));  // and stays at the end
}

TEST(ReadAhead, EmptySource) {
  Numbered src(0);
  activities::ReadAhead ahead(src);
  RowTexts r;
  EXPECT_FALSE(ahead.next(r));
}

TEST(ReadAhead, SourceErrorComesAfterTheRowsBeforeIt) {
  Numbered src(100000, 5000);
  activities::ReadAhead ahead(src);
  RowTexts r;
  long k = 0;
  try {
    while (ahead.next(r)) {
      ASSERT_EQ(r.at(0), field(k, 0));
      ++k;
    }
    FAIL() << "the source's error was lost";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "source failed");
  }
  EXPECT_EQ(k, 5000);
}

TEST(ReadAhead, StoppingEarlyDoesNotWaitForTheRest) {
  Numbered src(1000000);
  {
    activities::ReadAhead ahead(src);
    RowTexts r;
    for (int i = 0; i < 10; ++i) ASSERT_TRUE(ahead.next(r));
  }  // destroyed with the helper blocked on a full queue
  SUCCEED();
}

// Read part-way (the helper holding chunks not yet taken), then again from the start: the same
// rows in the same order, none of the first pass's left over (PostgreSQL's bulk load reads its
// rows a second time after a conflict).
TEST(ReadAhead, RewindGivesEveryRowAgainFromTheFirst) {
  Numbered src(10007);
  activities::ReadAhead ahead(src);
  RowTexts r;
  for (int i = 0; i < 3000; ++i) ASSERT_TRUE(ahead.next(r));
  ASSERT_TRUE(ahead.rewind());
  long k = 0;
  while (ahead.next(r)) {
    ASSERT_EQ(r.at(13), field(k, 13)) << "row " << k;
    ++k;
  }
  EXPECT_EQ(k, 10007);
}
