// activities/pending_rows.cpp — see pending_rows.h.
#include "activities/pending_rows.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <tuple>

#include "common/fnv1a.h"

namespace caunoi::activities {

namespace {

constexpr size_t kBlock = size_t{4} << 20;

}  // namespace

uint64_t content_hash(const repo::RowTexts& r) {
  uint64_t h = fnv1a(r.reporting_unit);
  for (std::string_view s : {r.place, r.kind, r.channel, r.title, r.note}) {
    h = fnv1a("\x1f", h);
    h = fnv1a(s, h);
  }
  // FNV-1a runs over bytes in order, so these pieces hash as the one string they once were.
  for (std::string_view s :
       {r.date_from, r.date_to, r.groups, std::string_view("|"), r.topics, std::string_view("|"),
        r.languages, std::string_view("|"), r.partners, std::string_view("|"), r.figures})
    h = fnv1a(s, h);
  return h;
}

PendingRows::PendingRows() = default;
PendingRows::~PendingRows() {
  for (auto [p, n] : blocks_) unmap_populated(p, n);
}

char* PendingRows::store(size_t n) {
  if (block_used_ + n > block_size_) {
    block_size_ = std::max(kBlock, n);
    blocks_.push_back({static_cast<char*>(map_populated(block_size_)), block_size_});
    block_used_ = 0;
  }
  char* p = blocks_.back().first + block_used_;
  block_used_ += n;
  return p;
}

bool PendingRows::add(const repo::RowTexts& r, long day, long line) {
  const std::string_view fields[kFields] = {
      r.reporting_unit, r.place,     r.date_from, r.date_to, r.kind,  r.channel, r.groups,
      r.topics,         r.languages, r.partners,  r.figures, r.title, r.note,    r.external_ref};
  size_t n = 0;
  for (auto f : fields) n += f.size();
  Row row{};
  row.text = store(n);
  char* p = const_cast<char*>(row.text);
  for (size_t i = 0; i < kFields; ++i) {
    if (!fields[i].empty()) std::memcpy(p, fields[i].data(), fields[i].size());
    p += fields[i].size();
    row.len[i] = static_cast<uint32_t>(fields[i].size());
  }
  row.derived = r.external_ref.empty();
  row.line = static_cast<uint32_t>(line);
  if (row.derived) {
    row.hash = content_hash(r);
  } else if (!given_refs_
                  .try_emplace(std::string_view(p - r.external_ref.size(), r.external_ref.size()),
                               static_cast<uint32_t>(rows_.size()))
                  .second) {
    block_used_ -= n;  // the text just stored is the block's last
    return false;
  }
  row.place = place_of(r.place);
  row.day = static_cast<uint32_t>(day);
  rows_.push_back(row);
  return true;
}

uint32_t PendingRows::place_of(std::string_view place) {
  // Looked up by view: only a place seen for the first time costs a string.
  if (auto it = place_index_.find(place); it != place_index_.end()) return it->second;
  auto it =
      place_index_.try_emplace(std::string(place), static_cast<uint32_t>(places_.size())).first;
  places_.push_back(it->first);
  return it->second;
}

int64_t PendingRows::absorb(PendingRows&& other) {
  int64_t dropped = 0;
  // The other's places, once each, in this object's numbering.
  std::vector<uint32_t> remap(other.places_.size());
  for (size_t i = 0; i < remap.size(); ++i) remap[i] = place_of(other.places_[i]);
  for (size_t k = 0; k < other.rows_.size(); ++k) {
    Row r = other.rows_[k];
    r.place = remap[r.place];
    const auto at = static_cast<uint32_t>(rows_.size());
    if (!r.derived && !r.dropped) {
      size_t before = 0;
      for (size_t i = 0; i + 1 < kFields; ++i) before += r.len[i];
      std::string_view ref(r.text + before, r.len[kFields - 1]);
      auto [g, fresh] = given_refs_.try_emplace(ref, at);
      if (!fresh) {
        Row& mine = rows_[g->second];
        Row& later = mine.line < r.line ? r : mine;
        later.dropped = true;
        ++dropped;
        if (&later == &mine) g->second = at;
      }
    }
    rows_.push_back(r);
  }
  dropped_ += static_cast<size_t>(dropped);
  // The texts stay where they are; this object now frees them.
  blocks_.insert(blocks_.end(), other.blocks_.begin(), other.blocks_.end());
  block_used_ = block_size_;  // and never writes into them
  other.blocks_.clear();
  other.rows_.clear();
  return dropped;
}

void PendingRows::sort() {
  // Places ranked as SQLite orders their ids (bytewise), so that the index on (place, …) is
  // extended from one end to the other.
  std::vector<uint32_t> by_id(places_.size()), rank(places_.size());
  for (uint32_t i = 0; i < by_id.size(); ++i) by_id[i] = i;
  std::sort(by_id.begin(), by_id.end(),
            [&](uint32_t a, uint32_t b) { return places_[a] < places_[b]; });
  for (uint32_t i = 0; i < by_id.size(); ++i) rank[by_id[i]] = i;

  order_ = PopulatedArray<Key>(rows_.size() - dropped_);
  size_t k = 0;
  for (uint32_t i = 0; i < rows_.size(); ++i) {
    const Row& r = rows_[i];
    if (r.dropped) continue;
    order_[k++] = {uint64_t{rank[r.place]} << 32 | r.day, r.derived ? r.hash : 0, r.line, i};
  }
  std::sort(order_.begin(), order_.end(), [](const Key& a, const Key& b) {
    return std::tie(a.place_day, a.hash, a.line) < std::tie(b.place_day, b.hash, b.line);
  });
  next_ = 0;
}

bool PendingRows::next(repo::RowTexts& out) {
  const size_t k = next_;
  if (k >= order_.size()) return false;
  ++next_;
  // The rows are visited in an order unrelated to where they lie: fetch ahead.
  // Both cache lines of a Row and of its texts (each ≈ 90 bytes).
  if (k + 8 < order_.size()) {
    const char* t = rows_[order_[k + 8].row].text;
    __builtin_prefetch(t);
    __builtin_prefetch(t + 64);
    if (k + 16 < order_.size()) {
      const char* r = reinterpret_cast<const char*>(&rows_[order_[k + 16].row]);
      __builtin_prefetch(r);
      __builtin_prefetch(r + 64);
    }
  }
  const Row& r = rows_[order_[k].row];
  std::string_view f[kFields];
  const char* p = r.text;
  for (size_t i = 0; i < kFields; ++i) {
    f[i] = std::string_view(p, r.len[i]);
    p += r.len[i];
  }
  if (r.derived) {
    // Identical rows sit next to each other in file order: their rank is their place in the
    // run (the hash covers place and day, so equal hashes share the first key too).
    bool same = k > 0 && rows_[order_[k - 1].row].derived &&
                order_[k - 1].place_day == order_[k].place_day && order_[k - 1].hash == r.hash;
    rank_ = same ? rank_ + 1 : 1;
    static constexpr char kHex[] = "0123456789abcdef";
    std::memcpy(ref_, "auto:", 5);
    for (int i = 0; i < 16; ++i) ref_[5 + i] = kHex[(r.hash >> (60 - 4 * i)) & 0xF];
    ref_[21] = '-';
    auto [end, ec] = std::to_chars(ref_ + 22, ref_ + sizeof ref_, rank_);
    f[13] = std::string_view(ref_, static_cast<size_t>(end - ref_));
  }
  out = repo::RowTexts::of(f);
  return true;
}

}  // namespace caunoi::activities
