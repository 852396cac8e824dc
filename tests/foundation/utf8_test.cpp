// tests/foundation/utf8_test.cpp — what valid_utf8 accepts and how repair_utf8 mends the rest.
#include <gtest/gtest.h>

#include "common/utf8.h"

using namespace caunoi;

TEST(Utf8, AcceptsVietnameseAndRejectsIllFormed) {
  EXPECT_TRUE(valid_utf8("Bảo hiểm xã hội Việt Nam 😀"));
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_FALSE(valid_utf8("\xC3\x28"));          // bad continuation
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));          // overlong "/"
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(valid_utf8("abc\xE1\xBA"));       // cut short
}

TEST(Utf8, RepairReplacesOnlyWhatIsBroken) {
  EXPECT_EQ(repair_utf8("Lào Cai"), "Lào Cai");
  EXPECT_EQ(repair_utf8("a\xC3\x28z"), "a\xEF\xBF\xBD(z");
  EXPECT_EQ(repair_utf8("x\xE0\xA0y"), "x\xEF\xBF\xBDy");
  EXPECT_EQ(repair_utf8("\x80\x80\x80"), "\xEF\xBF\xBD");
  EXPECT_TRUE(valid_utf8(repair_utf8("\xFF\xFE h\xF0\x9F\x98 \xED\xBF\xBF")));
}
