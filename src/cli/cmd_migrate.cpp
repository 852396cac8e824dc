// cli/cmd_migrate.cpp — `caunoi migrate --from caunoi.db --to postgresql://…`: a province's
// SQLite file moved whole into a new PostgreSQL database (app/migrate.h), table by table on the
// terminal, with each table's rows and checksum compared before anything is kept.
#include <cstdio>
#include <iostream>

#include "app/migrate.h"
#include "cli/commands.h"
#include "store/open.h"

namespace caunoi::cli {

void add_migrate(CLI::App& app, int&) {
  auto* cmd = app.add_subcommand(
      "migrate", "Chuyển toàn bộ cơ sở dữ liệu sang nơi khác (tệp SQLite sang PostgreSQL)");
  static std::string from, to;
  cmd->add_option("--from", from, "Cơ sở dữ liệu nguồn (tệp SQLite)")->required();
  cmd->add_option("--to", to, "Cơ sở dữ liệu đích mới (postgresql://…)")->required();
  cmd->callback([] {
    std::cerr << "Chuyển " << from << " sang " << store::display_name(to) << "…\n";
    auto moved =
        app::migrate_database(from, to, app::locate(), [](const std::string& table, int64_t rows) {
          std::cerr << "  " << table << ": " << rows << " dòng\n";
        });
    int64_t rows = 0;
    std::printf("%-28s %12s  %s\n", "bảng", "số dòng", "tổng kiểm (nguồn = đích)");
    for (const auto& t : moved) {
      std::printf("%-28s %12lld  %016llx\n", t.name.c_str(), static_cast<long long>(t.rows),
                  static_cast<unsigned long long>(t.checksum));
      rows += t.rows;
    }
    std::printf("Đã chuyển %zu bảng, %lld dòng; số dòng và tổng kiểm của từng bảng khớp.\n",
                moved.size(), static_cast<long long>(rows));
  });
}

}  // namespace caunoi::cli
