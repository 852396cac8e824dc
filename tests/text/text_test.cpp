// tests/text/text_test.cpp — Vietnamese text handling on the hard cases: both tone-mark
// placements, composed and decomposed Unicode, control characters, empty and huge input, Telex
// leftovers, typos, the abbreviation lexicon and dictionary segmentation.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "text/fold.h"
#include "text/lexicon.h"
#include "text/segment.h"
#include "text/speller.h"
#include "text/syllable.h"
#include "text/telex.h"
#include "text/tokenize.h"

using namespace caunoi::text;

namespace {

std::vector<std::string> texts(const std::vector<Token>& t) {
  std::vector<std::string> out;
  for (const auto& x : t) out.push_back(x.text);
  return out;
}
std::vector<std::string> folds(const std::vector<Token>& t) {
  std::vector<std::string> out;
  for (const auto& x : t) out.push_back(x.folded);
  return out;
}
std::filesystem::path data_dir() {
  const char* d = std::getenv("CAUNOI_DATA_DIR");
  return d ? d : std::filesystem::path(CAUNOI_SOURCE_DIR) / "data";
}

}  // namespace

TEST(Syllable, OldAndNewTonePlacementsAreOneForm) {
  EXPECT_EQ(canonical_syllable("hoà").accented, canonical_syllable("hòa").accented);
  EXPECT_EQ(canonical_syllable("thuý").accented, canonical_syllable("thúy").accented);
  EXPECT_EQ(canonical_syllable("khoẻ").accented, canonical_syllable("khỏe").accented);
  EXPECT_EQ(canonical_syllable("HOÀ").accented, canonical_syllable("hòa").accented);
  // Different tones stay different.
  EXPECT_NE(canonical_syllable("hoà").accented, canonical_syllable("hoá").accented);
  // Syllables whose vowel carries a quality mark are untouched.
  EXPECT_EQ(canonical_syllable("nghiệp").accented, "nghiệp");
  EXPECT_EQ(canonical_syllable("người").accented, "người");
  EXPECT_EQ(canonical_syllable("quý").accented, "quý");
  EXPECT_EQ(canonical_syllable("giữa").accented, "giữa");
}

TEST(Syllable, FoldsAndFlagsMarks) {
  auto f = canonical_syllable("Đồng");
  EXPECT_EQ(f.folded, "dong");
  EXPECT_TRUE(f.marked);
  EXPECT_FALSE(canonical_syllable("dong").marked);
}

TEST(Fold, KeepsItsMeaning) {
  EXPECT_EQ(fold("  Yên   Bái "), "yen bai");
  EXPECT_EQ(fold("ĐỒNG THÁP"), "dong thap");
  EXPECT_EQ(lower_nfc("Hoà"), "hoà");
  EXPECT_EQ(fold("hoà"), fold("hòa"));
  // Capitals keep every mark, and decomposed input comes out composed (NFC).
  EXPECT_EQ(upper_nfc("Bảo hiểm xã hội tỉnh Đắk Lắk"), "BẢO HIỂM XÃ HỘI TỈNH ĐẮK LẮK");
  EXPECT_EQ(upper_nfc("tha\u0300nh"), "THÀNH");
}

TEST(Tokenize, DecomposedUnicodeEqualsComposed) {
  const std::string nfd =
      "ba\xcc\x89o hie\xcc\x82\xcc\x89m xa\xcc\x83 ho\xcc\x82\xcc\xa3i";  // bảo hiểm xã hội
  EXPECT_EQ(texts(tokenize(nfd)), texts(tokenize("bảo hiểm xã hội")));
  EXPECT_EQ(folds(tokenize(nfd)), (std::vector<std::string>{"bao", "hiem", "xa", "hoi"}));
}

TEST(Tokenize, MissingToneStillFoldsTheSame) {
  auto a = tokenize("bảo hiểm y tê");
  auto b = tokenize("bảo hiểm y tế");
  EXPECT_EQ(folds(a), folds(b));
  EXPECT_NE(a[3].text, b[3].text);  // the accented form keeps the difference
}

TEST(Tokenize, ControlCharactersSeparate) {
  std::string s = "bảo\x01hiểm\x7f\ty";
  s.push_back('\0');
  s += "tế\r\n";
  auto t = tokenize(s);
  EXPECT_EQ(folds(t), (std::vector<std::string>{"bao", "hiem", "y", "te"}));
}

TEST(Tokenize, EmptyPunctuationAndInvalidUtf8) {
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize("  ?!… ,, \t").empty());
  auto t = tokenize(
      "bh\xff\xfe"
      "xh");
  EXPECT_EQ(folds(t), (std::vector<std::string>{"bh", "xh"}));
}

TEST(Tokenize, HugeInputIsCut) {
  std::string big;
  while (big.size() < 100 * 1024) big += "lương hưu bao nhiêu ";
  auto t = tokenize(big, 400);
  EXPECT_EQ(t.size(), 400u);
  EXPECT_EQ(t[0].text, "lương");
}

TEST(Telex, DecodesLeftoverKeys) {
  EXPECT_EQ(telex_decode("baor")->accented, "bảo");
  EXPECT_EQ(telex_decode("hieemr")->accented, "hiểm");
  EXPECT_EQ(telex_decode("ddongs")->accented, "đóng");
  EXPECT_EQ(telex_decode("tuwj")->accented, "tự");
  EXPECT_EQ(telex_decode("nguyeenj")->accented, "nguyện");
  EXPECT_EQ(telex_decode("xax")->accented, "xã");
  EXPECT_EQ(telex_decode("huowngr")->accented, "hưởng");
  EXPECT_FALSE(telex_decode("hoa"));  // nothing to decode
  EXPECT_FALSE(telex_decode("b1"));   // not letters
}

TEST(Speller, CorrectsOneEditAgainstVocabulary) {
  Speller s;
  s.add("nghiep", 10);
  s.add("nghien", 1);
  s.add("luong", 5);
  EXPECT_EQ(s.correct("ngiep").value_or(""), "nghiep");  // deletion
  EXPECT_EQ(s.correct("lunog").value_or(""), "luong");   // swap
  EXPECT_EQ(s.correct("nghiepp").value_or(""), "nghiep");
  EXPECT_FALSE(s.correct("nghiep"));  // known
  EXPECT_FALSE(s.correct("xyzzy"));   // too far
  EXPECT_EQ(edit_distance("abc", "acb", 2), 1);
}

TEST(Lexicon, RewritesAbbreviationsBothWays) {
  auto lx = Lexicon::parse(
      "= bảo hiểm y tế | bhyt\n= hộ gia đình | hgd\n= sổ bảo hiểm xã hội | sổ bảo hiểm\n"
      "~ lương hưu | hưu trí\nstop: thì là\n");
  EXPECT_EQ(folds(lx.rewrite(tokenize("BHYT hgd"))),
            (std::vector<std::string>{"bao", "hiem", "y", "te", "ho", "gia", "dinh"}));
  EXPECT_EQ(folds(lx.rewrite(tokenize("bhyt hgd"))),
            folds(lx.rewrite(tokenize("bảo hiểm y tế hộ gia đình"))));
  // A canonical phrase that extends its own variant is not rewritten twice.
  EXPECT_EQ(folds(lx.rewrite(tokenize("sổ bảo hiểm xã hội"))).size(), 5u);
  auto rel = lx.related(tokenize("chế độ hưu trí"));
  ASSERT_EQ(rel.size(), 1u);
  EXPECT_EQ(folds(rel[0]), (std::vector<std::string>{"luong", "huu"}));
  EXPECT_TRUE(lx.is_stop("thi"));
  EXPECT_THROW(Lexicon::parse("bhxh bảo hiểm"), std::runtime_error);
  EXPECT_THROW(Lexicon::parse("= chỉ một"), std::runtime_error);
}

TEST(Lexicon, ProjectFileLoads) {
  auto lx = Lexicon::load(data_dir() / "qa" / "lexicon.txt");
  EXPECT_GT(lx.rules(), 30u);
  EXPECT_EQ(folds(lx.rewrite(tokenize("bhxh"))), folds(tokenize("bảo hiểm xã hội")));
}

TEST(Segmenter, FindsMultiSyllableWords) {
  auto seg = Segmenter::load(data_dir() / "words" / "vi_words.txt");
  auto toks = tokenize("tham gia bao hiem xa hoi");
  auto words = seg.words(toks);
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words[0], (std::pair<std::size_t, std::size_t>{0, 2}));  // "tham gia"
}
