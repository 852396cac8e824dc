// sheets/suggest.h — "did you mean": when a cell names nothing in a list, the entries it
// probably meant, so that staff who wrote "người dân tộc thiểu số" learn that the list says
// "Đồng bào dân tộc thiểu số" without opening the Danh mục page.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace caunoi::sheets {

// Up to `max` indexes into `labels` whose words are at least half shared with `text` (a word one
// letter off counts, for words of four letters or more), best first, ties in list order.
std::vector<size_t> suggest(std::string_view text, std::span<const std::string_view> labels,
                            size_t max = 3);

// `"text"`, then ` (có phải "A" hoặc "B"?)` when `meant` is not empty: how a refusal quotes a
// cell.
std::string quoted_with_hint(std::string_view text, const std::vector<std::string>& meant);

}  // namespace caunoi::sheets
