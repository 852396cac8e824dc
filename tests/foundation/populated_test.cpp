// Pre-populated memory (common/populated.h): the arrays a large import keeps its rows in.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>

#include "common/populated.h"

using namespace caunoi;

namespace {

struct Item {
  uint64_t a;
  uint32_t b;
};

}  // namespace

TEST(Populated, ChunkedArrayKeepsEveryElementAcrossChunks) {
  ChunkedArray<Item> v;
  const size_t n = 3 * (size_t{1} << 14) + 17;  // three full chunks and part of a fourth
  for (size_t i = 0; i < 5; ++i) v.push_back({i * 7, static_cast<uint32_t>(i)});
  Item* early = &v[4];
  for (size_t i = 5; i < n; ++i) v.push_back({i * 7, static_cast<uint32_t>(i)});
  ASSERT_EQ(v.size(), n);
  // Growth never moves what is already there.
  EXPECT_EQ(early, &v[4]);
  for (size_t i = 0; i < n; ++i) {
    ASSERT_EQ(v[i].a, i * 7) << i;
    ASSERT_EQ(v[i].b, i) << i;
  }
  v[n - 1].b = 99;
  EXPECT_EQ(v[n - 1].b, 99u);
  v.clear();
  EXPECT_EQ(v.size(), 0u);
  v.push_back({1, 2});
  EXPECT_EQ(v[0].b, 2u);
}

TEST(Populated, PopulatedArrayIsZeroedSortableAndMovable) {
  PopulatedArray<uint32_t> a(100000);
  ASSERT_EQ(a.size(), 100000u);
  EXPECT_TRUE(std::all_of(a.begin(), a.end(), [](uint32_t x) { return x == 0; }));
  for (size_t i = 0; i < a.size(); ++i) a[i] = static_cast<uint32_t>(a.size() - i);
  std::sort(a.begin(), a.end());
  EXPECT_EQ(a[0], 1u);
  EXPECT_EQ(a[a.size() - 1], 100000u);

  PopulatedArray<uint32_t> b = std::move(a);
  EXPECT_EQ(b.size(), 100000u);
  EXPECT_EQ(a.size(), 0u);  // NOLINT(bugprone-use-after-move): moved-from is empty by contract
  EXPECT_EQ(b[1], 2u);
  b = PopulatedArray<uint32_t>(3);
  EXPECT_EQ(b.size(), 3u);
  EXPECT_EQ(b[2], 0u);
  PopulatedArray<uint32_t> none;
  EXPECT_EQ(none.begin(), none.end());
}
