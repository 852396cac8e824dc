// auth/crypto.cpp — argon2id, getrandom and SHA-256; see crypto.h.
#include "auth/crypto.h"

#include <argon2.h>
#include <openssl/evp.h>
#include <sys/random.h>

#include <cerrno>
#include <vector>

#include "common/error.h"

namespace caunoi::auth {
namespace {

constexpr uint32_t kTimeCost = 2;
constexpr uint32_t kMemoryKiB = 19456;
constexpr uint32_t kLanes = 1;
constexpr size_t kSaltLen = 16;
constexpr size_t kHashLen = 32;

Error crypto_error(const std::string& what) {
  return Error(ErrorKind::internal, "crypto", "Lỗi mật mã hệ thống (" + what + ").");
}

void fill_random(unsigned char* p, size_t n) {
  while (n > 0) {
    ssize_t got = getrandom(p, n, 0);
    if (got < 0) {
      if (errno == EINTR) continue;
      throw crypto_error("getrandom");
    }
    p += got;
    n -= static_cast<size_t>(got);
  }
}

std::string to_hex(const unsigned char* p, size_t n) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (size_t i = 0; i < n; ++i) {
    out += digits[p[i] >> 4];
    out += digits[p[i] & 15];
  }
  return out;
}

}  // namespace

std::string hash_password(std::string_view password) {
  unsigned char salt[kSaltLen];
  fill_random(salt, sizeof salt);
  size_t len = argon2_encodedlen(kTimeCost, kMemoryKiB, kLanes, kSaltLen, kHashLen, Argon2_id);
  std::string out(len, '\0');
  int rc = argon2id_hash_encoded(kTimeCost, kMemoryKiB, kLanes, password.data(), password.size(),
                                 salt, sizeof salt, kHashLen, out.data(), out.size());
  if (rc != ARGON2_OK) throw crypto_error(argon2_error_message(rc));
  out.resize(out.find('\0'));
  return out;
}

bool verify_password(std::string_view encoded, std::string_view password) {
  if (!encoded.starts_with("$argon2id$")) return false;
  std::string enc(encoded);
  return argon2id_verify(enc.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string random_hex(size_t n_bytes) {
  std::vector<unsigned char> buf(n_bytes);
  fill_random(buf.data(), buf.size());
  return to_hex(buf.data(), buf.size());
}

std::string sha256_hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr) != 1)
    throw crypto_error("sha256");
  return to_hex(md, len);
}

bool equal_constant_time(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i)
    diff |= static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i]);
  return diff == 0;
}

}  // namespace caunoi::auth
