// places/gazetteer.h — Vietnam's administrative units, old and new, in memory.
//
// Two eras share one national root "VN":
//   current (since 1 July 2025): VN → 34 provinces → 3,321 communes (two tiers)
//   old     (until 30 June 2025): VN → 63 provinces → 696 districts → 10,035 communes
// Official codes repeat across eras (code "10" is Lào Cai in both, with different territory), so
// a unit's id carries its era: current units use the bare code ("10", "02290"), old units the
// prefix "old:" ("old:15" = Yên Bái, "old:132", "old:04270").
//
// Every old unit has a successor: the current unit it is part of today (for a commune split
// between several new communes, the first listed by the mapping is the primary one; all are kept).
// Roll-ups across eras go through successors, so data of 2022 entered for Yên Bái counts in
// today's Lào Cai.
//
// The Gazetteer is immutable after load and safe to share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/date.h"
#include "store/store.h"

namespace caunoi::places {

enum class Level : int { country = 0, province = 1, district = 2, commune = 3 };
enum class Era : int { old = 0, current = 1 };

// The day the two-tier system began.
inline constexpr Date kReformDate{2025, 7, 1};

struct Unit {
  std::string id;         // "VN", "10", "old:15"
  std::string code;       // official code: "15"
  std::string name;       // "Yên Bái"
  std::string full_name;  // "Tỉnh Yên Bái"
  std::string type;  // "Tỉnh", "Thành phố", "Huyện", "Xã", "Phường", "Đặc khu"...
  Level level = Level::country;
  Era era = Era::current;
  std::string parent_id;  // "" for VN
  std::optional<Date> valid_from, valid_to;
  std::vector<std::string> successors;  // current units this one is part of today (old units)
  uint32_t index = 0;                   // dense 0..size()-1, for arrays keyed by unit
  std::string folded;                   // name folded for search ("yen bai")
  std::string folded_full;              // full name folded ("tinh yen bai")
};

class Gazetteer {
 public:
  // Reads the units from the store (see places/install.h for how they get there).
  static Gazetteer load(store::Connection& c);

  size_t size() const { return units_.size(); }
  const Unit& at(uint32_t index) const { return units_[index]; }
  const Unit* find(std::string_view id) const;
  // Throws not_found "unit_not_found" with a Vietnamese message.
  const Unit& get(std::string_view id) const;

  std::vector<const Unit*> children(std::string_view id, Era era = Era::current) const;
  // Parent first, up to and including VN.
  std::vector<const Unit*> ancestors(std::string_view id) const;
  // By name, with or without diacritics, any case; best matches first. Provinces before
  // communes, exact before prefix before substring.
  std::vector<const Unit*> search(std::string_view query, size_t limit = 20,
                                  std::optional<Era> era = std::nullopt) const;
  // The unit an official code denoted on a given day ("15" in 2022 → old:15).
  const Unit* resolve_code(std::string_view code, Date at) const;

  // Today's unit this one is part of (itself for current units; the primary successor for old).
  const Unit& current_of(std::string_view id) const;
  // The province (current era) whose territory holds this unit today.
  const Unit& current_province_of(std::string_view id) const;
  // True if `id` lies, today, within the territory of current unit `ancestor` (VN holds all).
  bool within(std::string_view id, std::string_view ancestor) const;

  // "toàn quốc", "tỉnh Lào Cai", "thành phố Hà Nội", "xã Tả Van": how a narrative names a unit.
  std::string display_name(const Unit& u) const;

 private:
  std::vector<Unit> units_;
  std::unordered_map<std::string, uint32_t> by_id_;
  std::vector<std::vector<uint32_t>> children_;  // by parent index
};

}  // namespace caunoi::places
