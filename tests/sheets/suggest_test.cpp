// tests/sheets/suggest_test.cpp — "did you mean": entries sharing at least half their words
// (a typo counts), best first, and how a refusal quotes them.
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "sheets/suggest.h"

namespace caunoi {
namespace {

TEST(Suggest, SharedWordsBestFirstTyposCount) {
  std::vector<std::string_view> labels = {"Đồng bào dân tộc thiểu số", "Học sinh, sinh viên",
                                          "Người lao động tự do", "Dân tộc Mông"};
  EXPECT_EQ(sheets::suggest("người dân tộc thiểu số", labels), (std::vector<size_t>{0}));
  EXPECT_EQ(sheets::suggest("hoc sinh sinh vien", labels), (std::vector<size_t>{1}));
  EXPECT_EQ(sheets::suggest("Người lao đông tư do", labels), (std::vector<size_t>{2}));
  // One letter off counts for words of four letters or more.
  std::vector<std::string_view> channels = {"Zalo", "Facebook", "Đài"};
  EXPECT_EQ(sheets::suggest("Zaloo", channels), (std::vector<size_t>{0}));
  EXPECT_EQ(sheets::suggest("Facebok", channels), (std::vector<size_t>{1}));
  EXPECT_TRUE(sheets::suggest("Đàii", channels).empty());
  EXPECT_TRUE(sheets::suggest("cán bộ công chức", labels).empty());
  EXPECT_TRUE(sheets::suggest("", labels).empty());
  EXPECT_EQ(sheets::suggest("dân tộc", labels, 1).size(), 1u);
}

TEST(Suggest, QuotedWithWhatWasMeant) {
  EXPECT_EQ(sheets::quoted_with_hint(" nong dan ", {}), "\"nong dan\"");
  EXPECT_EQ(sheets::quoted_with_hint("x", {"A", "B"}), "\"x\" (có phải \"A\" hoặc \"B\"?)");
}

}  // namespace
}  // namespace caunoi
