// bench/qa_fields.h — the text each baseline of qa_bench indexes for one bank entry, and the field
// weights, so that SQLite FTS5 and Xapian see the same four fields weighted like caunoi's BM25F.
#pragma once

#include <array>
#include <string>

#include "qa/entry.h"

namespace caunoi::bench {

// question, alternatives (one per line), answer, meta (topic and tags).
inline std::array<std::string, 4> baseline_fields(const qa::Entry& e) {
  std::string alts, meta = e.topic;
  for (const auto& a : e.alt_questions) alts += a + "\n";
  for (const auto& t : e.tags) meta += " " + t;
  return {e.question, alts, e.answer, meta};
}

// caunoi's BM25F field weights, in the order of baseline_fields (docs/qa-evaluation.md).
inline constexpr std::array<double, 4> kFieldWeights = {3.0, 2.0, 0.6, 1.0};

}  // namespace caunoi::bench
