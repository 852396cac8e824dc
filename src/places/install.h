// places/install.h — loads the official unit lists from data/admin into the store.
//
// Idempotent: run at every start; it creates the tables (migrations of component "places") and
// fills them once from the CSV files named in data/SOURCES.md. Returns how many units were
// written now (0 when they were already there).
#pragma once

#include <filesystem>

#include "store/migrations.h"
#include "store/store.h"

namespace caunoi::places {

std::span<const store::Migration> migrations();
int install(store::Connection& c, const std::filesystem::path& data_dir);
// Makes unit_successors what data/admin says (primary successor first), in one transaction, if it
// differs; returns how many old units changed. Reads the mapping only when its files (or the rule
// that reads them) changed since the links were last made: a checksum of them is stored with the
// links. Throws internal "mapping_outside_province" when an old unit's successor lies outside its
// old province's successor. install() calls it.
int relink(store::Connection& c, const std::filesystem::path& data_dir);

}  // namespace caunoi::places
