// reports/report.h — a report for one unit and period: the drafted narrative and the tables a
// provincial office sends upward, as plain data that the renderers (render.h) turn into text,
// JSON or an XLSX workbook (one sheet per section).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "analytics/engine.h"
#include "periods/period.h"

namespace caunoi::reports {

// How a number is written: integer "144.000", decimal "2,93", percent "91,01%" (the value is a
// percent, 91.01). A column has a kind; a cell may override it (a table of indicators mixes
// counts and rates in one column).
enum class ColumnKind { text, integer, decimal, percent };

struct Column {
  std::string title;  // Vietnamese heading
  ColumnKind kind = ColumnKind::text;
};

struct Number {
  double value = 0;
  ColumnKind kind = ColumnKind::integer;
};

using CellValue = std::variant<std::monostate, std::string, Number>;

// A row of a section as a figure, for charts and the web tables: the indicator (or unit, group)
// it stands for, its value, the value a year earlier, the plan, and the change in words.
struct Item {
  std::string key, label, unit;
  analytics::Figure figure;
  std::string change;  // "gấp 2,9 lần", "tăng 1,26 điểm phần trăm"
};

struct Section {
  std::string id;     // "activities", "participation", "units", "kinds", "groups"
  std::string title;  // Vietnamese; also the XLSX sheet name
  std::vector<Column> columns;
  std::vector<std::vector<CellValue>> rows;
  std::string note;         // under the table
  std::vector<Item> items;  // the same rows as figures (units: the first indicator column)
};

struct Report {
  std::string title;
  const places::Unit* unit = nullptr;
  std::string unit_name;  // "toàn quốc", "tỉnh Lào Cai"
  periods::Period period;
  bool compare = false;
  bool approved_only = false;  // built from approved months only (api data=approved)
  std::string data_note;       // says which data the figures hold, in Vietnamese
  // When the period (or its comparison period) starts before 1 July 2025: what today's unit
  // covered then ("tỉnh Lào Cai, gồm tỉnh Lào Cai và tỉnh Yên Bái trước 01/07/2025",
  // places::before_reform_note); "" otherwise.
  std::string reform_note;
  std::string narrative;
  std::vector<Section> sections;
  // Who signs it as an administrative document (render_docx): the province whose social
  // security office covers the unit today ("tỉnh Lào Cai" for old Yên Bái or a commune of Lào
  // Cai; "" for the country), and the place name its date line starts with ("Lào Cai").
  std::string issuer;
  std::string issuer_place;
};

// `e` is the live engine or the approved-data snapshot; approved_only says which, for the note.
Report build_report(const analytics::Engine& e, const std::string& unit, const periods::Period& p,
                    bool compare, bool approved_only = false);

// The name a download of the report gets, as a director files it: "bao-cao-lao-cai-2022.xlsx"
// (the unit's folded name, not a bare code that says nothing in a folder).
std::string file_name(const Report& r, std::string_view extension);

}  // namespace caunoi::reports
