// tests/foundation/utf8_test.cpp — what valid_utf8 accepts and how repair_utf8 mends the rest;
// how wide Vietnamese text is on a terminal, and padding by that width.
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

TEST(Utf8, WidthCountsWhatATerminalShows) {
  EXPECT_EQ(display_width(""), 0u);
  EXPECT_EQ(display_width("bảng"), 4u);                  // 6 bytes
  EXPECT_EQ(display_width("số dòng"), 7u);               // 10 bytes
  EXPECT_EQ(display_width("a\xCC\x80"), 1u);             // "a" + combining grave: "à" decomposed
  EXPECT_EQ(display_width("Vie\xCC\xA3\xCC\x82t"), 4u);  // "Việt" with two combining marks
  EXPECT_EQ(display_width("x\xFFy"), 3u);                // a broken byte still takes a column
}

TEST(Utf8, PaddingLinesUpVietnameseColumns) {
  EXPECT_EQ(pad_right("bảng", 6), "bảng  ");
  EXPECT_EQ(pad_left("số dòng", 9), "  số dòng");
  EXPECT_EQ(pad_right("activities", 4), "activities");  // too wide: unchanged
  EXPECT_EQ(display_width(pad_right("tổng kiểm", 12)), display_width(pad_right("rows", 12)));
}
