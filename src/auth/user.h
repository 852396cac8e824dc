// auth/user.h — an account and the signed-in principal a request acts as.
#pragma once

#include <cstdint>
#include <string>

#include "auth/roles.h"

namespace caunoi::auth {

struct User {
  int64_t id = 0;
  std::string username;
  std::string full_name;
  Role role = Role::public_user;
  std::string unit_id = "VN";  // places id; the subtree this user's grants cover
  bool active = true;
  // Moves on at each password change; credentials issued under an older one are refused.
  int64_t password_generation = 0;
  int64_t created_at = 0, updated_at = 0;
};

// Who a request acts as, and how it proved it.
struct Principal {
  User user;
  bool via_cookie = false;   // session cookie (CSRF applies) rather than a Bearer token
  std::string session_hash;  // SHA-256 of the session token (cookie sessions)
  std::string csrf_token;    // the session's CSRF token (cookie sessions)
};

}  // namespace caunoi::auth
