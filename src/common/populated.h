// common/populated.h — memory for large, short-lived working sets (a file import's kept rows),
// mapped with its pages already in place.
//
// Why not new[] or std::vector: a fresh page costs a trap into the kernel on its first touch,
// and on a virtual machine such as this project's CI that trap is dear (bench/import_bench.cpp:
// tens of thousands of them were a visible share of importing a million rows). MAP_POPULATE
// fills all of a mapping's pages in one call. The price is that everything mapped is made
// resident at once, so map what will be used, in chunks, never a generous guess.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace caunoi {

// `bytes` of zeroed, resident memory; throws std::bad_alloc. Give it back with unmap_populated.
void* map_populated(size_t bytes);
void unmap_populated(void* p, size_t bytes);

// A fixed number of T, mapped at once.
template <class T>
class PopulatedArray {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  PopulatedArray() = default;
  explicit PopulatedArray(size_t n)
      : p_(n ? static_cast<T*>(map_populated(n * sizeof(T))) : nullptr), n_(n) {}
  ~PopulatedArray() {
    if (p_) unmap_populated(p_, n_ * sizeof(T));
  }
  PopulatedArray(PopulatedArray&& o) noexcept
      : p_(std::exchange(o.p_, nullptr)), n_(std::exchange(o.n_, 0)) {}
  PopulatedArray& operator=(PopulatedArray&& o) noexcept {
    std::swap(p_, o.p_);
    std::swap(n_, o.n_);
    return *this;
  }

  T* begin() { return p_; }
  T* end() { return p_ + n_; }
  T& operator[](size_t i) { return p_[i]; }
  const T& operator[](size_t i) const { return p_[i]; }
  size_t size() const { return n_; }

 private:
  T* p_ = nullptr;
  size_t n_ = 0;
};

// An append-only array of T that grows by chunks of 2^14 elements, each mapped when first
// needed; elements never move, so references stay good while it grows.
template <class T>
class ChunkedArray {
  static_assert(std::is_trivially_copyable_v<T>);
  static constexpr unsigned kBits = 14;
  static constexpr size_t kChunk = size_t{1} << kBits;

 public:
  ChunkedArray() = default;
  ChunkedArray(const ChunkedArray&) = delete;
  ChunkedArray& operator=(const ChunkedArray&) = delete;

  void push_back(const T& v) {
    if (n_ == chunks_.size() * kChunk) chunks_.emplace_back(kChunk);
    chunks_.back()[n_ & (kChunk - 1)] = v;
    ++n_;
  }
  T& operator[](size_t i) { return chunks_[i >> kBits][i & (kChunk - 1)]; }
  const T& operator[](size_t i) const { return chunks_[i >> kBits][i & (kChunk - 1)]; }
  size_t size() const { return n_; }
  void clear() {
    chunks_.clear();
    n_ = 0;
  }

 private:
  std::vector<PopulatedArray<T>> chunks_;
  size_t n_ = 0;
};

}  // namespace caunoi
