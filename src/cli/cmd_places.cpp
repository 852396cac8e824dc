// cli/cmd_places.cpp — `caunoi places search|show|children`: look up units from the terminal.
#include <iostream>

#include "app/bootstrap.h"
#include "cli/commands.h"
#include "places/gazetteer.h"
#include "places/reform.h"

namespace caunoi::cli {
namespace {

void print_unit(const places::Gazetteer& g, const places::Unit& u) {
  std::cout << u.full_name << "  [" << u.id << "]";
  if (u.era == places::Era::old) {
    std::cout << "  (trước 01/07/2025";
    auto anc = g.ancestors(u.id);
    for (const auto* a : anc)
      if (a->id != "VN") std::cout << ", " << a->full_name;
    const auto& now = g.current_of(u.id);
    std::cout << ") — nay thuộc " << now.full_name;
    if (now.level > places::Level::province)
      std::cout << ", " << g.current_province_of(u.id).full_name;
    // A split commune: the first successor carries its figures before 1 July 2025.
    for (std::size_t i = 1; i < u.successors.size(); ++i)
      std::cout << (i == 1 ? "; một phần vào " : ", ") << g.get(u.successors[i]).full_name;
  } else if (u.level > places::Level::province) {
    std::cout << "  (" << g.get(u.parent_id).full_name << ")";
  }
  std::cout << "\n";
}

}  // namespace

void add_places(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("places", "Tra cứu đơn vị hành chính (cũ và mới)");
  cmd->require_subcommand(1);
  cmd->fallthrough();  // inherited by the subcommands: `places search X --db Y` works too
  static std::string db = "caunoi.db", query, id;
  static size_t limit = 10;
  cmd->add_option("--db", db, "Tệp cơ sở dữ liệu SQLite")->capture_default_str();

  auto open = [] {
    auto c = app::open_database(db, app::locate());
    auto g = places::Gazetteer::load(*c);
    return std::make_pair(std::move(c), std::move(g));
  };

  auto* search = cmd->add_subcommand("search", "Tìm theo tên, có hoặc không dấu");
  search->add_option("query", query, "Tên đơn vị, ví dụ \"yen bai\"")->required();
  search->add_option("--limit", limit, "Số kết quả tối đa")->capture_default_str();
  search->callback([&exit_code, open] {
    auto [c, g] = open();
    auto hits = g.search(query, limit);
    if (hits.empty()) {
      std::cout << "Không tìm thấy đơn vị nào khớp \"" << query << "\".\n";
      exit_code = 1;
    }
    for (const auto* u : hits) print_unit(g, *u);
  });

  auto* show = cmd->add_subcommand("show", "Xem một đơn vị theo mã (\"10\", \"old:15\")");
  show->add_option("id", id, "Mã đơn vị")->required();
  show->callback([open] {
    auto [c, g] = open();
    const auto& u = g.get(id);
    print_unit(g, u);
    // What a unit of today covered before 1 July 2025, whole or in part.
    if (auto note = places::before_reform_note(g, u); !note.empty()) std::cout << note << "\n";
    for (const auto* o : places::partial_predecessors(g, u.id))
      std::cout << "Nhận một phần " << o->full_name << "  [" << o->id
                << "] (số liệu trước 01/07/2025 tính vào " << g.current_of(o->id).full_name
                << ")\n";
  });

  auto* children = cmd->add_subcommand("children", "Liệt kê đơn vị trực thuộc");
  children->add_option("id", id, "Mã đơn vị cha (VN cho toàn quốc)")->required();
  static bool old = false;
  children->add_flag("--old", old, "Danh sách trước 01/07/2025 (chỉ áp dụng cho VN)");
  children->callback([open] {
    auto [c, g] = open();
    auto list = g.children(id, old ? places::Era::old : places::Era::current);
    for (const auto* u : list) print_unit(g, *u);
    std::cout << "Tổng số: " << list.size() << "\n";
  });
}

}  // namespace caunoi::cli
