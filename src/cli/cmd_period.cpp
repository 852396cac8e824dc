// cli/cmd_period.cpp — `caunoi period 2022-01..2022-10`: how caunoi reads and names a period.
#include <iostream>

#include "cli/commands.h"
#include "periods/period.h"

namespace caunoi::cli {

void add_period(CLI::App& app, int&) {
  auto* cmd = app.add_subcommand("period", "Đọc một kỳ báo cáo và kỳ cùng kỳ năm trước");
  static std::string text;
  cmd->add_option("period", text, "2022-10, 2022Q3, 2022, 2022-01..2022-10")->required();
  cmd->callback([] {
    auto p = periods::Period::parse(text);
    auto l = p.same_period_last_year();
    std::cout << p.code() << "\t" << p.vi() << "\t" << p.from.vi() << " – " << p.to.vi() << "\n"
              << "cùng kỳ\t" << l.vi() << "\t" << l.from.vi() << " – " << l.to.vi() << "\n";
  });
}

}  // namespace caunoi::cli
