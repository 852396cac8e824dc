// tests/qa/letter_test.cpp — reading a message for its asks (qa/letter.h), on letters shaped like
// the real portal questions.
#include <gtest/gtest.h>

#include "qa/letter.h"

using namespace caunoi::qa;

TEST(Letter, PlaceholdersBecomeWhatCitizensType) {
  EXPECT_EQ(plain_message("Mã BHXH [mã số], tôi là [tên]   ở [địa chỉ]."),
            "Mã BHXH 0123456789 , tôi là ở .");
  EXPECT_EQ(plain_message("  a\t\tb  "), "a b");
  // An unclosed or very long bracket is text, not a placeholder.
  EXPECT_EQ(plain_message("[không đóng"), "[không đóng");
}

TEST(Letter, SentencesSplitOutsideNumbers) {
  const auto s = sentences(
      "Em đóng 1.800.000 đồng từ 7.2024. Công ty báo đã nộp!\nVậy bao giờ em nhận được tiền?");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "Em đóng 1.800.000 đồng từ 7.2024");
  EXPECT_EQ(s[2], "Vậy bao giờ em nhận được tiền?");
  EXPECT_TRUE(sentences(" . ? \n ").empty());
}

TEST(Letter, FindsTheAsksNotTheStory) {
  EXPECT_FALSE(asks("Mức đóng bảo hiểm y tế hộ gia đình"));  // a fragment: ranked whole
  EXPECT_TRUE(asks("cho em hoi dong bhyt ho gia dinh"));
  EXPECT_TRUE(asks("Vậy tôi có được hưởng thai sản không ạ"));
  EXPECT_TRUE(asks("hồ sơ của em đã được duyệt chưa"));
  EXPECT_FALSE(asks("Em sinh con tháng 2/2025"));
  EXPECT_FALSE(asks("Công ty đã nộp hồ sơ cho cơ quan BHXH từ tháng 3"));

  const auto a = ask_sentences(
      "Chào anh chị. Em đóng BHXH được 2 năm ở công ty. Em sắp sinh con. Cho em hỏi em được "
      "nghỉ thai sản mấy tháng? Ngoài ra, chồng em có được hưởng gì không ạ");
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0], "Cho em hỏi em được nghỉ thai sản mấy tháng?");
  EXPECT_EQ(a[1], "Ngoài ra, chồng em có được hưởng gì không ạ");
  // Nothing asks: the whole message is the ask.
  EXPECT_EQ(ask_sentences("Thẻ BHYT học sinh").front(), "Thẻ BHYT học sinh");
}

TEST(Letter, CourtesyAndTheStoryDoNotAsk) {
  // Folded, "hội", "câu hỏi", "hồi đáp" and "gọi hỏi" all hold "hoi".
  EXPECT_FALSE(asks("Tôi đóng bảo hiểm xã hội từ tháng 3 năm 2021"));
  EXPECT_FALSE(asks("Mình có vài câu hỏi mong cơ quan trả lời"));
  EXPECT_FALSE(asks("Rất mong nhận được hồi đáp"));
  EXPECT_FALSE(asks("Em gọi hỏi tổng đài mấy lần rồi"));
  // Courtesy asks only with a phrase of its own.
  EXPECT_FALSE(asks("Em chào anh chị, em có một thắc mắc như sau, mong được giải đáp ạ"));
  EXPECT_FALSE(asks("Em cảm ơn anh chị đã tư vấn giúp em"));
  EXPECT_TRUE(asks("Em chào anh chị, cho em hỏi nghỉ sinh được mấy tháng"));
  EXPECT_TRUE(asks("nhờ cơ quan kiểm tra giúp em"));
}

TEST(Letter, AFollowOnIsReadWithTheSentenceBefore) {
  const auto a = ask_sentences(
      "Vợ em có thai 7 tháng. Em muốn hỏi em chưa đăng ký kết hôn. Thì em có được nhận tiền thai "
      "sản không ạ? Nếu có thì được bao nhiêu? Em cảm ơn.");
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(
      a[0],
      "Em muốn hỏi em chưa đăng ký kết hôn. Thì em có được nhận tiền thai sản không ạ? Nếu có "
      "thì được bao nhiêu?");
}

TEST(Letter, AMessageAboutOwnFileNamesTheAskerOrAFileState) {
  auto own = [](const char* m) { return about_own_file(caunoi::text::tokenize(m)); };
  // Titles about the rules: nobody, no state, no request to look anything up.
  EXPECT_FALSE(own("Thời gian giải quyết hồ sơ thai sản"));
  EXPECT_FALSE(own("Giải quyết hồ sơ tiền ốm đau"));
  // "chăm" typed with its accent is not "chậm" (late).
  EXPECT_FALSE(own("Hồ sơ hưởng BHXH khi chăm sóc con nhỏ"));
  // The asker, a personal code, a state, a request to look up or fix.
  EXPECT_TRUE(own("Em hỏi hồ sơ thai sản"));
  EXPECT_TRUE(own("Mã 0123456789 hồ sơ thai sản"));
  EXPECT_TRUE(own("hồ sơ thai sản bị treo"));
  EXPECT_TRUE(own("Giải quyết chậm hồ sơ hưu trí"));
  EXPECT_TRUE(own("Tra cứu mã hồ sơ thai sản"));
  EXPECT_TRUE(own("Tiền thai sản không nhận được"));
  EXPECT_TRUE(own("sửa ngày sinh trên sổ"));
  // Typed without accents, "cham" may be "chậm": the classifier decides.
  EXPECT_TRUE(own("ho so cham"));
  EXPECT_FALSE(own("ho so om dau"));
  EXPECT_FALSE(own(""));
}
