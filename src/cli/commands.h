// cli/commands.h — the subcommands of build/caunoi. One file per command (cli/cmd_<name>.cpp);
// each adds its subcommand to the app and sets `exit_code` when it runs.
#pragma once

#include <CLI/CLI.hpp>

namespace caunoi::cli {

void add_serve(CLI::App& app, int& exit_code);    // serve the API and the web app
void add_demo(CLI::App& app, int& exit_code);     // generate demo data
void add_places(CLI::App& app, int& exit_code);   // look up administrative units
void add_period(CLI::App& app, int& exit_code);   // parse and print a reporting period
void add_ask(CLI::App& app, int& exit_code);      // answer citizens' questions (Q&A bank)
void add_qa_eval(CLI::App& app, int& exit_code);  // measure the Q&A engine on the test set
void add_import(CLI::App& app, int& exit_code);   // import activities from CSV/XLSX
void add_user(CLI::App& app, int& exit_code);     // user accounts (first administrator)
void add_backup(CLI::App& app, int& exit_code);   // backup and restore the database
void add_report(CLI::App& app, int& exit_code);   // report of a unit and period (text/json/xlsx)
void add_migrate(CLI::App& app, int& exit_code);  // move a whole database to PostgreSQL

// Refuses (invalid_input, Vietnamese) a PostgreSQL --db for a command that works on SQLite files
// only, saying what to do `instead`.
void sqlite_only(const std::string& db, const std::string& instead);

}  // namespace caunoi::cli
