// cli/cmd_user.cpp — `caunoi user add|list|passwd|unlock`: accounts from the terminal, chiefly the
// first administrator. Passwords are read from standard input (echo off on a terminal), never
// from the command line, and there is no default password anywhere.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "app/bootstrap.h"
#include "audit/log.h"
#include "auth/service.h"
#include "cli/commands.h"
#include "common/error.h"
#include "places/gazetteer.h"
#include "places/unit_arg.h"

namespace caunoi::cli {
namespace {

std::string read_password(const std::string& prompt) {
  bool tty = isatty(STDIN_FILENO);
  termios old{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string pw;
  std::getline(std::cin, pw);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  if (!pw.empty() && pw.back() == '\r') pw.pop_back();
  if (pw.empty()) throw invalid("missing_password", "Chưa nhập mật khẩu (đọc từ đầu vào chuẩn).");
  return pw;
}

void record(store::Connection& c, const std::string& action, const auth::User& u) {
  audit::record_change(c, audit::cli_actor(action, "user:" + std::to_string(u.id)), "", u.unit_id);
}

int64_t find_id(store::Connection& c, const auth::Service& s, const std::string& username) {
  for (const auto& u : s.list_users(c))
    if (u.username == username) return u.id;
  throw not_found("user_not_found", "Không tìm thấy tài khoản " + username + ".");
}

}  // namespace

void add_user(CLI::App& app, int&) {
  auto* cmd = app.add_subcommand("user", "Quản lý tài khoản người dùng");
  cmd->require_subcommand(1);
  // Subcommands made after this inherit it: `user add --db X` works as README writes it, not
  // only `user --db X add`.
  cmd->fallthrough();
  static std::string db = "caunoi.db", username, role, unit = "VN", full_name;
  static bool password_stdin = false;
  cmd->add_option("--db", db, "Tệp cơ sở dữ liệu SQLite")->capture_default_str();

  // Runs fn(connection, service) on a prepared database.
  auto with = [](auto fn) {
    auto c = app::open_database(db, app::locate());
    auto g = places::Gazetteer::load(*c);
    auth::Service s(g);
    fn(*c, s);
  };

  auto* add = cmd->add_subcommand("add", "Tạo tài khoản (mật khẩu đọc từ đầu vào chuẩn)");
  add->add_option("--username", username, "Tên đăng nhập")->required();
  add->add_option("--role", role,
                  "Vai trò: admin, leader, central_staff, province_staff, commune_staff, "
                  "collaborator, public")
      ->required();
  add->add_option("--unit", unit, "Mã hoặc tên đơn vị (VN, mã tỉnh, mã xã, \"Lào Cai\")")
      ->capture_default_str();
  add->add_option("--full-name", full_name, "Họ và tên");
  add->add_flag("--password-stdin", password_stdin, "Đọc mật khẩu từ đầu vào chuẩn (mặc định)");
  add->callback([with] {
    with([](store::Connection& c, auth::Service& s) {
      std::string pw = read_password("Mật khẩu cho " + username + ": ");
      store::Transaction tx(c);
      const std::string unit_id = places::unit_from_text(s.places(), unit).id;
      auto u = s.create_user(c, {username, full_name, role, unit_id, pw});
      record(c, "user.create", u);
      tx.commit();
      std::cout << "Đã tạo tài khoản " << u.username << " (" << auth::role_label_vi(u.role)
                << ", đơn vị " << u.unit_id << ").\n";
    });
  });

  auto* list = cmd->add_subcommand("list", "Liệt kê tài khoản");
  list->callback([with] {
    with([](store::Connection& c, auth::Service& s) {
      for (const auto& u : s.list_users(c))
        std::cout << u.username << "\t" << auth::role_code(u.role) << "\t" << u.unit_id << "\t"
                  << (u.active ? "hoạt động" : "vô hiệu") << "\t" << u.full_name << "\n";
    });
  });

  auto* passwd = cmd->add_subcommand("passwd", "Đặt lại mật khẩu (đọc từ đầu vào chuẩn)");
  passwd->add_option("--username", username, "Tên đăng nhập")->required();
  passwd->add_flag("--password-stdin", password_stdin, "Đọc mật khẩu từ đầu vào chuẩn (mặc định)");
  passwd->callback([with] {
    with([](store::Connection& c, auth::Service& s) {
      int64_t id = find_id(c, s, username);
      std::string pw = read_password("Mật khẩu mới cho " + username + ": ");
      store::Transaction tx(c);
      s.set_password(c, id, pw);
      record(c, "user.password", s.get_user(c, id));
      tx.commit();
      std::cout << "Đã đặt lại mật khẩu cho " << username << ".\n";
    });
  });
}

}  // namespace caunoi::cli
