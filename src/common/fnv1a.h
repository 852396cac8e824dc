// common/fnv1a.h — FNV-1a, the 64-bit hash caunoi uses where a quick fingerprint of bytes is
// enough (no adversary): derived activity references, the checksum of the reform mapping. It
// runs over bytes in order, so hashing pieces one after the other equals hashing their join.
#pragma once

#include <cstdint>
#include <string_view>

namespace caunoi {

inline constexpr uint64_t kFnv1aBasis = 1469598103934665603ULL;

constexpr uint64_t fnv1a(std::string_view s, uint64_t h = kFnv1aBasis) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace caunoi
