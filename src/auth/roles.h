// auth/roles.h — who may do what: the roles of caunoi's users and the kinds of action a route
// performs. A role grants actions; scoped roles grant them only inside the subtree of the user's
// unit (a province officer in her province, a collaborator in his commune). The table of which
// route is which action lives in policy.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caunoi::auth {

enum class Role {
  admin,           // quản trị hệ thống: everything, anywhere
  leader,          // lãnh đạo: reads, exports and reports everywhere, changes nothing
  central_staff,   // cán bộ trung ương
  province_staff,  // cán bộ tỉnh
  commune_staff,   // cán bộ xã / cơ sở
  collaborator,    // cộng tác viên: reads and enters activities of their commune only
  public_user,     // người dân: Q&A only
};

enum class Action {
  open,     // anyone, signed in or not (Q&A, places, periods, login)
  self,     // any signed-in user, about themselves (me, logout, own password, own tokens)
  read,     // read data of a unit
  write,    // change data of a unit
  import,   // bulk file import into a unit
  export_,  // download data of a unit
  report,   // build reports / analytics of a unit
  approve,  // approve, return or reopen a unit's reported period
  curate,   // change national content: the Q&A bank and the answers to citizens' queued questions
  admin,    // users, audit log, anything not in the policy table
};

std::string_view role_code(Role r);  // "province_staff"
std::optional<Role> role_from_code(std::string_view code);
std::string_view role_label_vi(Role r);  // "Cán bộ tỉnh"
std::string_view action_code(Action a);
std::vector<Role> all_roles();

// True if the role grants the action at all (the unit is checked separately).
bool role_may(Role r, Action a);
// The codes of the actions on units' data the role grants (read … admin): what the web app's
// menu shows from, so that nobody is offered a page that would only refuse them.
std::vector<std::string_view> granted_actions(Role r);
// True if the role's grants are limited to the subtree of the user's unit.
bool role_is_scoped(Role r);

}  // namespace caunoi::auth
