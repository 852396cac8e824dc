// activities/validate.h — the rules an activity must meet before it is stored, shared by the
// form (API) and the file import so that both refuse the same things with the same words.
//
// Rules: a kind from the list; a channel from the kind's channels when it has some, none
// otherwise; every group, topic, language and partner code known; only figures the kind takes,
// none negative, at least one given; a place (and reporting unit) that exists and belongs to the
// era of the dates — an old unit ("old:...") for days before 1 July 2025, a current unit from
// that day (the national root "VN" fits both); no date after `today`; date_to not before
// date_from. Each broken rule is one FieldError whose `field` is the Activity member ("place",
// "figures.attendees", ...) and whose message is Vietnamese.
#pragma once

#include <vector>

#include "activities/activity.h"
#include "activities/reference.h"
#include "common/error.h"
#include "places/gazetteer.h"

namespace caunoi::activities {

std::vector<FieldError> validate(const Activity& a, const Reference& ref,
                                 const places::Gazetteer& g, Date today);
// The same rules with a.place and a.reporting_unit already looked up (nullptr: no such unit, or
// none given): the import resolves each distinct unit text once, not once a row.
std::vector<FieldError> validate(const Activity& a, const Reference& ref, const places::Unit* place,
                                 const places::Unit* reporting_unit, Date today);

// The same check for one unit field alone (import resolves units before the rest); `u` is the
// unit with that id, already looked up.
void check_unit(const places::Gazetteer& g, const std::string& id, const Activity& a,
                const char* field, std::vector<FieldError>& out);
void check_unit(const places::Unit* u, const std::string& id, const Activity& a, const char* field,
                std::vector<FieldError>& out);

}  // namespace caunoi::activities
