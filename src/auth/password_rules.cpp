// auth/password_rules.cpp — see password_rules.h.
#include "auth/password_rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "common/ascii.h"
#include "common/error.h"

namespace caunoi::auth {
namespace {

constexpr std::array<std::string_view, 8> kCommon = {"1234567890", "12345678910", "0123456789",
                                                     "matkhau123", "password123", "qwertyuiop",
                                                     "abc1234567", "caunoi12345"};

}  // namespace

void check_password(std::string_view password, std::string_view username) {
  std::vector<FieldError> errs;
  auto add = [&](std::string msg) { errs.push_back({"password", std::move(msg), 0}); };
  if (password.size() < 10) add("Mật khẩu phải có ít nhất 10 ký tự.");
  if (password.size() > 128) add("Mật khẩu không được dài quá 128 ký tự.");
  bool letter = std::any_of(password.begin(), password.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
  bool digit = std::any_of(password.begin(), password.end(),
                           [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  if (!letter || !digit) add("Mật khẩu phải có cả chữ cái và chữ số.");
  std::string pw = ascii_lower(password);
  if (!username.empty() && pw.find(ascii_lower(username)) != std::string::npos)
    add("Mật khẩu không được chứa tên đăng nhập.");
  if (std::find(kCommon.begin(), kCommon.end(), pw) != kCommon.end())
    add("Mật khẩu quá phổ biến, dễ bị đoán; hãy chọn mật khẩu khác.");
  if (!errs.empty()) throw invalid("weak_password", "Mật khẩu chưa đủ mạnh.", std::move(errs));
}

}  // namespace caunoi::auth
