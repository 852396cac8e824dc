// cli/main.cpp — entry point of build/caunoi: dispatches to the subcommands in cli/cmd_*.cpp.
#include <spdlog/spdlog.h>

#include <iostream>

#include "cli/commands.h"
#include "common/error.h"

int main(int argc, char** argv) {
  CLI::App app{"caunoi — hệ thống quản lý công tác truyền thông BHXH, BHYT, BHTN"};
  app.require_subcommand(1);
  app.set_help_all_flag("--help-all", "Trợ giúp cho mọi lệnh con");
  int exit_code = 0;
  caunoi::cli::add_serve(app, exit_code);
  caunoi::cli::add_demo(app, exit_code);
  caunoi::cli::add_places(app, exit_code);
  caunoi::cli::add_period(app, exit_code);
  caunoi::cli::add_ask(app, exit_code);
  caunoi::cli::add_qa_eval(app, exit_code);
  caunoi::cli::add_import(app, exit_code);
  caunoi::cli::add_user(app, exit_code);
  caunoi::cli::add_backup(app, exit_code);
  caunoi::cli::add_report(app, exit_code);
  caunoi::cli::add_migrate(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const caunoi::Error& e) {
    std::cerr << "Lỗi (" << e.code() << "): " << e.message() << "\n";
    for (const auto& f : e.fields()) std::cerr << "  - " << f.field << ": " << f.message << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "Lỗi: " << e.what() << "\n";
    return 1;
  }
  return exit_code;
}
