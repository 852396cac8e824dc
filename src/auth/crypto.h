// auth/crypto.h — the few cryptographic primitives auth needs, behind plain functions.
//
// Passwords: argon2id (libargon2) in the PHC string format, so parameters travel with the hash
// and can be raised later without breaking old accounts. Session and API tokens: 32 bytes from
// the kernel's CSPRNG (getrandom); only their SHA-256 is stored, so a copy of the database does
// not let anyone sign in.
#pragma once

#include <string>
#include <string_view>

namespace caunoi::auth {

// Parameters (OWASP 2023 minimum for argon2id): 19 MiB, 2 passes, 1 lane.
std::string hash_password(std::string_view password);
bool verify_password(std::string_view encoded, std::string_view password);

// n random bytes as lower-case hex.
std::string random_hex(size_t n_bytes = 32);
std::string sha256_hex(std::string_view data);
// Compares in time independent of where the strings differ.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace caunoi::auth
