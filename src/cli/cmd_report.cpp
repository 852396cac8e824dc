// cli/cmd_report.cpp — `caunoi report`: the report of a unit and period from a database, as text
// (default), JSON, XLSX or DOCX (an administrative document to sign), to stdout or a file. Builds
// the same in-memory engine as the server (over approved months only with --data approved).
#include <fstream>
#include <iostream>

#include "analytics/engine.h"
#include "app/bootstrap.h"
#include "app/engines.h"
#include "cli/commands.h"
#include "common/error.h"
#include "places/unit_arg.h"
#include "reports/render.h"

namespace caunoi::cli {

void add_report(CLI::App& app, int&) {
  auto* cmd = app.add_subcommand("report", "Báo cáo kết quả truyền thông của một đơn vị, một kỳ");
  static std::string db = "caunoi.db", unit = "VN", period, compare, format = "text", out,
                     data = "all";
  cmd->add_option("--db", db, "Tệp cơ sở dữ liệu SQLite")->capture_default_str();
  cmd->add_option("--unit", unit, "Mã hoặc tên đơn vị (VN, 15, old:15, \"Lào Cai\", \"lao cai\")")
      ->capture_default_str();
  cmd->add_option("--period", period, "Kỳ báo cáo (2022-10, 2022Q3, 2022, 2022-01..2022-10)")
      ->required();
  cmd->add_option("--compare", compare, "So sánh: last-year (cùng kỳ năm trước)")
      ->check(CLI::IsMember({"last-year", "none"}));
  cmd->add_option("--format", format, "Định dạng: text, json, xlsx, docx (văn bản Word)")
      ->check(CLI::IsMember({"text", "json", "xlsx", "docx"}))
      ->capture_default_str();
  cmd->add_option("--data", data, "Số liệu: all (mọi số liệu), approved (chỉ số liệu đã phê duyệt)")
      ->check(CLI::IsMember({"all", "approved"}))
      ->capture_default_str();
  cmd->add_option("--out", out, "Tệp kết quả (mặc định: in ra màn hình; xlsx, docx bắt buộc)");
  cmd->callback([] {
    if ((format == "xlsx" || format == "docx") && out.empty())
      throw invalid("missing_out", "Định dạng " + format + " cần --out <tệp." + format + ">.");
    auto c = app::open_database(db, app::locate());
    auto g = places::Gazetteer::load(*c);
    bool approved_only = data == "approved";
    auto engine = app::load_engine(*c, g, approved_only);
    auto rep = reports::build_report(*engine, places::unit_from_text(g, unit).id,
                                     periods::Period::parse(period), compare == "last-year",
                                     approved_only);
    std::string bytes = format == "xlsx"   ? reports::render_xlsx(rep)
                        : format == "docx" ? reports::render_docx(rep, Date::today())
                        : format == "json"
                            ? boost::json::serialize(reports::render_json(rep)) + "\n"
                            : reports::render_text(rep);
    if (out.empty()) {
      std::cout << bytes;
      return;
    }
    std::ofstream f(out, std::ios::binary);
    f << bytes;
    if (!f) throw Error(ErrorKind::internal, "write_failed", "Không ghi được tệp " + out + ".");
  });
}

}  // namespace caunoi::cli
