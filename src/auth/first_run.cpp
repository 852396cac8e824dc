// auth/first_run.cpp — see first_run.h. The token lives in auth_setup (schema.cpp).
#include "auth/first_run.h"

#include "auth/crypto.h"

namespace caunoi::auth {
bool needs_first_admin(store::Connection& c) {
  return c.scalar("SELECT COUNT(*) FROM auth_users WHERE role = 'admin' AND active = 1")
             .value_or(0) == 0;
}

std::optional<std::string> first_run_token(store::Connection& c, const Service& s) {
  store::Transaction tx(c);
  c.execute("DELETE FROM auth_setup");
  if (!needs_first_admin(c)) {
    tx.commit();
    return std::nullopt;
  }
  std::string token = random_hex(32);
  c.execute("INSERT INTO auth_setup(token_hash, created_at, expires_at) VALUES (?, ?, ?)",
            sha256_hex(token), s.now(), s.now() + kSetupTokenSeconds);
  tx.commit();
  return token;
}

User claim_first_run(store::Connection& c, Service& s, std::string_view token,
                     const std::string& username, const std::string& full_name,
                     const std::string& password) {
  store::Transaction tx(c);
  if (!needs_first_admin(c))
    throw Error(ErrorKind::conflict, "setup_done",
                "Hệ thống đã có quản trị viên; hãy đăng nhập bằng tài khoản đó.");
  const bool valid =
      !token.empty() &&
      c.scalar("SELECT COUNT(*) FROM auth_setup WHERE token_hash = ? AND expires_at > ?",
               sha256_hex(token), s.now())
              .value_or(0) > 0;
  if (!valid)
    throw Error(ErrorKind::forbidden, "setup_token_invalid",
                "Liên kết khởi tạo không đúng hoặc đã hết hạn. Khởi động lại máy chủ caunoi để "
                "nhận liên kết mới.");
  User u = s.create_user(c, {username, full_name, "admin", "VN", password});
  c.execute("DELETE FROM auth_setup");
  tx.commit();
  return u;
}

}  // namespace caunoi::auth
