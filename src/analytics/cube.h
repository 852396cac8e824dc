// analytics/cube.h — activity figures summed by unit × month × (kind, figure), in memory.
//
// Every fact is added once to each unit whose territory holds it: its own unit and that unit's
// ancestors in its own era (old communes themselves excepted: nobody reports on them any more,
// and they would double the memory), and, for an old unit, the current unit it lies in today and
// that unit's ancestors, and VN. So a 2022 figure of Yên Bái (old:15) is found under old:15 and
// under today's Lào Cai ("15"), and a query never walks a tree or reads a raw row.
//
// Each unit keeps one small block per month: the measures present that month, sorted, and their
// sums, where a measure is (kind, figure) through two small dictionaries (the pseudo-figure
// "records" counts activities). A query for a unit and a month range scans a few dozen numbers
// per month; adding a fact touches one short block per unit, so live updates stay cheap.
// Breakdowns by group, topic, language and channel are kept only for provinces (both eras) and
// VN, where dashboards ask for them.
//
// Not thread-safe by itself: analytics::Engine serialises writers against readers.
#pragma once

#include <bitset>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "activities/facts.h"
#include "places/gazetteer.h"

namespace caunoi::analytics {

// Codes ↔ small ids, in order of first sight.
class Dict {
 public:
  explicit Dict(size_t capacity) : capacity_(capacity) {}
  std::optional<uint32_t> find(std::string_view code) const;
  uint32_t intern(std::string_view code);  // throws internal if the capacity is exhausted
  const std::string& code(uint32_t id) const { return codes_[id]; }
  size_t size() const { return codes_.size(); }

 private:
  size_t capacity_;
  std::vector<std::string> codes_;
  std::unordered_map<std::string, uint32_t> ids_;
};

enum class Dim : uint32_t { group = 0, topic = 1, language = 2, channel = 3 };
inline constexpr int kDims = 4;

inline constexpr int kMeasureBits = 11;  // 64 kinds × 32 figures
using MeasureSet = std::bitset<1u << kMeasureBits>;

class Cube {
 public:
  explicit Cube(const places::Gazetteer& g);

  // sign +1 adds, -1 removes (an update is a removal then an addition).
  void apply(const activities::ActivityFact& f, int sign);

  // The measures of a figure over some kinds (all kinds when `kinds` is empty).
  MeasureSet measures(std::string_view figure, const std::vector<std::string>& kinds) const;
  // One measure set per kind seen so far that has cells of `figure` among `kinds`.
  std::vector<std::pair<std::string, MeasureSet>> measures_by_kind(
      std::string_view figure, const std::vector<std::string>& kinds) const;

  // Sum over months [m0, m1] of the measures, for one unit (index in the gazetteer).
  int64_t sum(uint32_t unit, int m0, int m1, const MeasureSet& ms) const;
  // Per month in [m0, m1]: out[m - m0] += value.
  void sum_by_month(uint32_t unit, int m0, int m1, const MeasureSet& ms,
                    std::vector<int64_t>& out) const;
  // Per value of a dimension (code → sum); only for units that keep breakdowns.
  std::vector<std::pair<std::string, int64_t>> sum_by_dim(uint32_t unit, int m0, int m1,
                                                          const MeasureSet& ms, Dim d) const;
  bool keeps_dims(const places::Unit& u) const { return u.level <= places::Level::province; }
  // Old communes have no cells of their own (see above).
  bool keeps_cells(const places::Unit& u) const {
    return !(u.era == places::Era::old && u.level == places::Level::commune);
  }

  int64_t facts() const { return facts_; }

 private:
  // One month of one unit: sorted keys and their sums.
  template <class Key>
  struct Block {
    std::vector<Key> keys;
    std::vector<int64_t> values;
    void add(Key key, int64_t v);
  };
  using CellBlock = Block<uint16_t>;  // measure
  using DimBlock = Block<uint32_t>;   // dim << 30 | value << 11 | measure
  // The months of one unit that have data: blocks[m - first], grown on demand either way.
  template <class B>
  struct Months {
    int first = 0;
    std::vector<B> blocks;
    B& at(int m) {
      if (blocks.empty()) first = m;
      if (m < first) {
        blocks.insert(blocks.begin(), static_cast<size_t>(first - m), B{});
        first = m;
      }
      size_t i = static_cast<size_t>(m - first);
      if (blocks.size() <= i) blocks.resize(i + 1);
      return blocks[i];
    }
    const B* find(int m) const {
      if (m < first || m - first >= static_cast<int>(blocks.size())) return nullptr;
      return &blocks[static_cast<size_t>(m - first)];
    }
  };
  const std::vector<uint32_t>& targets_of(const std::string& unit_id);

  const places::Gazetteer& g_;
  Dict kinds_{64}, figures_{32}, dim_values_[kDims] = {Dict(4096), Dict(4096), Dict(4096),
                                                         Dict(4096)};
  std::vector<Months<CellBlock>> cells_;  // by unit index
  std::vector<Months<DimBlock>> dims_;    // by unit index (empty below province)
  std::unordered_map<std::string, std::vector<uint32_t>> targets_;  // unit id → units to add to
  int64_t facts_ = 0;
};

}  // namespace caunoi::analytics
