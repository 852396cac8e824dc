// places/reform.h — the 2025 reform as a user meets it: a unit search limited to a territory and
// to the units in force on a day (an officer of Lào Cai entering an activity of 2024 is offered
// the old units of today's Lào Cai, not a ward of Hà Nội), and what a unit of today stood for
// before 1 July 2025 (a 2022 report of today's Lào Cai covers old Lào Cai and old Yên Bái).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "places/gazetteer.h"

namespace caunoi::places {

// Best matches first, as Gazetteer::search ranks them, keeping only the units that lie today
// within current unit `within` ("VN": anywhere) and, when `on` is given, were in force that day
// (old units before kReformDate, current ones from it). "Toàn quốc" matches only within VN.
std::vector<const Unit*> search_in(const Gazetteer& g, std::string_view query, size_t limit,
                                   std::string_view within, std::optional<Date> on);

// The old units of the same tier whose figures before the reform count in current unit `id`
// (`id` is their primary successor), in code order. Empty for VN and for old units.
std::vector<const Unit*> predecessors(const Gazetteer& g, std::string_view id);
// The old units of the same tier that went only in part into current unit `id`: communes split
// between several new ones whose figures count in another (their primary successor), so that
// `id` took "một phần" of their territory without their figures. In code order.
std::vector<const Unit*> partial_predecessors(const Gazetteer& g, std::string_view id);

// "tỉnh Lào Cai, gồm tỉnh Lào Cai và tỉnh Yên Bái trước 01/07/2025": what figures of unit `u`
// before the reform cover. A split old commune counted here whole says where the rest of it went
// ("phường Điện Biên (cả phường, dù một phần nay thuộc phường Hoàn Kiếm)"); old communes of which
// only a part came here are named with where their figures count ("; nhận thêm một phần phường
// Ngọc Hà (số liệu tính ở phường Ngọc Hà)"). Empty when there is nothing to say: VN, an old unit,
// or a unit that stood for one whole old unit of its own name and took in no part of another.
std::string before_reform_note(const Gazetteer& g, const Unit& u);

}  // namespace caunoi::places
