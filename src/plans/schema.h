// plans/schema.h — the tables of targets and participation results (component "plans").
#pragma once

#include <span>

#include "store/migrations.h"

namespace caunoi::plans {

std::span<const store::Migration> migrations();

}  // namespace caunoi::plans
