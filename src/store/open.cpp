// store/open.cpp — see open.h.
#include "store/open.h"

#include <cctype>

#include "store/postgres.h"

namespace caunoi::store {

bool is_postgres_name(std::string_view name) {
  if (name.starts_with("postgresql://") || name.starts_with("postgres://")) return true;
  size_t i = 0;
  while (i < name.size() && std::isspace(static_cast<unsigned char>(name[i]))) ++i;
  size_t start = i;
  while (i < name.size() && (std::islower(static_cast<unsigned char>(name[i])) || name[i] == '_'))
    ++i;
  if (i == start) return false;
  while (i < name.size() && std::isspace(static_cast<unsigned char>(name[i]))) ++i;
  return i < name.size() && name[i] == '=';
}

std::string display_name(const std::string& name) {
  return is_postgres_name(name) ? "postgresql://" + describe_postgres(name) : name;
}

std::unique_ptr<Connection> open(const std::string& name, const OpenOptions& opt) {
  return is_postgres_name(name) ? open_postgres(name, opt) : open_sqlite(name, opt);
}

}  // namespace caunoi::store
