// activities/reference.h — the reference lists (kinds, figures, groups, topics, languages,
// channels, partners) as an immutable in-memory snapshot of the activity_ref tables.
//
// Codes are stable English identifiers ("small_group", "hmong"); labels are Vietnamese. The
// snapshot answers "which figures does this kind take", "which channels", and turns what staff
// type into a code: the code itself, or the label with or without diacritics, any case
// ("Tiếng Mông", "tieng mong", "Mông"), see lookup(). The service reloads the snapshot after an
// administrator adds an entry, so readers hold a shared_ptr to one version.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "audit/log.h"
#include "store/store.h"

namespace caunoi::activities {

// The lists, by the name used in the table, the API and the docs.
inline constexpr const char* kLists[] = {"kind",     "figure",  "group",  "topic",
                                         "language", "channel", "partner"};

struct RefEntry {
  std::string code;
  std::string label;
  std::string category;  // kinds: meeting/event/online/broadcast/press/print/phone; figures: unit
  int sort = 0;
};

class Reference {
 public:
  static std::shared_ptr<const Reference> load(store::Connection& c);

  // Entries of a list in display order (empty for an unknown list).
  const std::vector<RefEntry>& entries(std::string_view list) const;
  const RefEntry* find(std::string_view list, std::string_view code) const;
  bool has(std::string_view list, std::string_view code) const { return find(list, code); }
  std::string label(std::string_view list, std::string_view code) const;  // code if unknown

  // What a user wrote → code: exact code, then folded label, then folded label without a leading
  // "Tiếng " (languages). nullopt if nothing matches.
  std::optional<std::string> lookup(std::string_view list, std::string_view text) const;
  // For a text lookup() did not find: up to `max` entries whose labels share at least half of
  // their words with it (a word one letter off counts), best first — so that a refusal can say
  // "nguoi dan toc thieu so" probably meant "Đồng bào dân tộc thiểu số".
  std::vector<const RefEntry*> suggest(std::string_view list, std::string_view text,
                                       size_t max = 3) const;

  const std::vector<std::string>& figures_of(std::string_view kind) const;
  bool kind_takes(std::string_view kind, std::string_view figure) const;
  // Empty when the kind has no channel.
  const std::vector<std::string>& channels_of(std::string_view kind) const;
  bool is_meeting(std::string_view kind) const;

 private:
  std::map<std::string, std::vector<RefEntry>, std::less<>> lists_;
  std::map<std::string, std::unordered_map<std::string, std::string>, std::less<>> folded_;
  std::map<std::string, std::vector<std::string>, std::less<>> kind_figures_, kind_channels_;
};

// Adds an entry (administrator). Throws invalid_input on a bad list name, a code that is not
// [a-z0-9_]+, an empty label, or conflict "ref_exists" if the code is taken. For kinds,
// `figures` and `channels` say what the new kind takes (each must exist).
// The entry lands with the audit record of `by`.
void add_reference(store::Connection& c, const audit::Actor& by, std::string_view list,
                   const RefEntry& e, const std::vector<std::string>& figures = {},
                   const std::vector<std::string>& channels = {});

}  // namespace caunoi::activities
