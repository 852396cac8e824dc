// cli/cmd_import.cpp — `caunoi import activities FILE --db DB [--sheet NAME]`: a CSV or XLSX
// file of activities into the log, whole or not at all (activities/import.h). Progress goes to
// stderr; a refused file lists every bad row and column and exits with status 3. Rows dated in a
// month approved for their unit are refused as in the API (approval::LockCache); the unit scope
// of a user does not apply here: whoever runs this holds the database file.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include <boost/json.hpp>

#include "activities/service.h"
#include "app/bootstrap.h"
#include "approval/approval.h"
#include "audit/log.h"
#include "auth/crypto.h"
#include "cli/commands.h"
#include "common/format_vi.h"
#include "tabular/csv_reader.h"

namespace caunoi::cli {

void add_import(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("import", "Nhập dữ liệu từ tệp CSV hoặc Excel (.xlsx)");
  cmd->require_subcommand(1);
  auto* act = cmd->add_subcommand("activities", "Nhập hoạt động truyền thông");
  static std::string file, db = "caunoi.db", sheet, user = "import";
  static bool quiet = false;
  act->add_option("FILE", file, "Tệp .csv hoặc .xlsx")->required();
  act->add_option("--db", db, "Tệp cơ sở dữ liệu SQLite")->capture_default_str();
  act->add_option("--sheet", sheet, "Tên trang tính (mặc định: trang đầu tiên)");
  act->add_option("--user", user, "Người nhập (ghi vào lịch sử)")->capture_default_str();
  act->add_flag("--quiet", quiet, "Không in tiến độ");
  act->callback([&exit_code] {
    auto t0 = std::chrono::steady_clock::now();
    auto paths = app::locate();
    auto c = app::open_database(db, paths);
    auto g = places::Gazetteer::load(*c);
    activities::Service svc(*c, g);
    std::string data = tabular::read_file(file);
    activities::ImportOptions opt;
    opt.filename = file;
    opt.sheet = sheet;
    opt.created_by = user;
    opt.actor = audit::cli_actor("cli:import activities", file);
    opt.actor.request = boost::json::serialize(boost::json::object{
        {"file",
         boost::json::object{
             {"filename", file}, {"bytes", data.size()}, {"sha256", auth::sha256_hex(data)}}},
        {"user", user}});
    auto locks = std::make_shared<approval::LockCache>();
    opt.row_check = [locks, &g](store::Connection& conn,
                                const activities::Activity& a) -> std::optional<FieldError> {
      if (auto locked = locks->refusal(conn, g, a.place, a.date_from))
        return FieldError{"date_from", *locked};
      return std::nullopt;
    };
    if (!quiet) {
      opt.progress = [](activities::ImportPhase phase, long done, long total) {
        bool checking = phase == activities::ImportPhase::checking;
        std::fprintf(stderr, "\r  %s: %s/%s dòng   ", checking ? "Đang kiểm tra" : "Đang ghi",
                     format_int_vi(done).c_str(), format_int_vi(total).c_str());
        std::fflush(stderr);
      };
    }
    auto rep = svc.import_file(*c, data, opt);
    if (!quiet) std::fprintf(stderr, "\n");
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (!rep.ok()) {
      std::cerr << "Tệp có " << format_int_vi(rep.error_count)
                << " lỗi; không dòng nào được ghi vào cơ sở dữ liệu.\n";
      for (const auto& e : rep.errors) {
        std::cerr << "  Dòng " << e.row << (e.column.empty() ? "" : ", cột \"" + e.column + "\"")
                  << ": " << e.message << "\n";
      }
      if (rep.error_count > static_cast<long>(rep.errors.size())) {
        std::cerr << "  ... và " << format_int_vi(rep.error_count - rep.errors.size())
                  << " lỗi khác.\n";
      }
      exit_code = 3;
      return;
    }
    std::cout << "Đã nhập " << format_int_vi(rep.inserted) << " hoạt động mới, bỏ qua "
              << format_int_vi(rep.skipped) << " dòng đã có (" << format_int_vi(rep.rows_done)
              << " dòng, " << format_decimal_vi(s, 1) << " giây).\n";
  });
}

}  // namespace caunoi::cli
