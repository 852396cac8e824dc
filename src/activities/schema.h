// activities/schema.h — the tables of the activity log and its reference lists (component
// "activities" in schema_migrations). Applied by app::prepare_database with every other part's.
//
// Tables:
//   activity_ref          every reference list in one table: (list, code) → Vietnamese label.
//                         Lists: kind, figure, group, topic, language, channel, partner. Kinds
//                         carry a category (meeting, broadcast, press, online, print, event,
//                         phone); a figure's unit is its category.
//   activity_kind_figure  which figures a kind takes
//   activity_kind_channel which channels a kind takes (a kind with rows here requires one)
//   activities            the live version of every activity (soft-deleted rows stay, deleted=1)
//   activity_history      every superseded version: a copy of the row as it was before an
//                         update or a delete, with who changed it and when
#pragma once

#include <span>

#include "store/migrations.h"

namespace caunoi::activities {

std::span<const store::Migration> migrations();

}  // namespace caunoi::activities
