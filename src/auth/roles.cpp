// auth/roles.cpp — the role × action grant matrix; see roles.h.
#include "auth/roles.h"

namespace caunoi::auth {

std::string_view role_code(Role r) {
  switch (r) {
    case Role::admin:
      return "admin";
    case Role::leader:
      return "leader";
    case Role::central_staff:
      return "central_staff";
    case Role::province_staff:
      return "province_staff";
    case Role::commune_staff:
      return "commune_staff";
    case Role::collaborator:
      return "collaborator";
    case Role::public_user:
      return "public";
  }
  return "public";
}

std::vector<Role> all_roles() {
  return {Role::admin,         Role::leader,       Role::central_staff, Role::province_staff,
          Role::commune_staff, Role::collaborator, Role::public_user};
}

std::optional<Role> role_from_code(std::string_view code) {
  for (Role r : all_roles())
    if (role_code(r) == code) return r;
  return std::nullopt;
}

std::string_view role_label_vi(Role r) {
  switch (r) {
    case Role::admin:
      return "Quản trị hệ thống";
    case Role::leader:
      return "Lãnh đạo";
    case Role::central_staff:
      return "Cán bộ trung ương";
    case Role::province_staff:
      return "Cán bộ tỉnh";
    case Role::commune_staff:
      return "Cán bộ xã / cơ sở";
    case Role::collaborator:
      return "Cộng tác viên";
    case Role::public_user:
      return "Người dân";
  }
  return "";
}

std::string_view action_code(Action a) {
  switch (a) {
    case Action::open:
      return "open";
    case Action::self:
      return "self";
    case Action::read:
      return "read";
    case Action::write:
      return "write";
    case Action::import:
      return "import";
    case Action::export_:
      return "export";
    case Action::report:
      return "report";
    case Action::approve:
      return "approve";
    case Action::curate:
      return "curate";
    case Action::admin:
      return "admin";
  }
  return "admin";
}

bool role_may(Role r, Action a) {
  if (a == Action::open) return true;
  if (a == Action::self) return true;
  switch (r) {
    case Role::admin:
      return true;
    case Role::leader:
      return a == Action::read || a == Action::export_ || a == Action::report;
    case Role::central_staff:
      return a != Action::admin;
    case Role::province_staff:
    case Role::commune_staff:
      // National content has national owners, whatever unit a request names.
      return a != Action::admin && a != Action::curate;
    case Role::collaborator:
      return a == Action::read || a == Action::write;
    case Role::public_user:
      return false;
  }
  return false;
}

std::vector<std::string_view> granted_actions(Role r) {
  std::vector<std::string_view> out;
  for (Action a : {Action::read, Action::write, Action::import, Action::export_, Action::report,
                   Action::approve, Action::curate, Action::admin})
    if (role_may(r, a)) out.push_back(action_code(a));
  return out;
}

bool role_is_scoped(Role r) {
  return r != Role::admin && r != Role::leader;
}

}  // namespace caunoi::auth
