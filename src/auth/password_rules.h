// auth/password_rules.h — what a password must be, with the reasons in Vietnamese.
//
// Length matters more than character classes, so the rule is: 10 to 128 bytes, at least one letter
// and one digit, not the user name, and not one of the passwords everyone tries first.
#pragma once

#include <string_view>

namespace caunoi::auth {

// Throws invalid_input "weak_password" with a FieldError on "password" for each broken rule.
void check_password(std::string_view password, std::string_view username);

}  // namespace caunoi::auth
