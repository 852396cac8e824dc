// bench/qa_xapian.h — Xapian as a second baseline of qa_bench (issue 5): the same bank entries
// and fields as the FTS5 baseline, ranked by Xapian's BM25. Built only when pkg-config finds
// xapian-core (Debian's libxapian-dev); qa_bench then defines CAUNOI_HAVE_XAPIAN.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "qa/entry.h"

namespace caunoi::bench {

class XapianBaseline {
 public:
  // Indexes `bank` into a fresh glass database in a temporary directory, removed on destruction.
  explicit XapianBaseline(const std::vector<qa::Entry>& bank);
  ~XapianBaseline();
  XapianBaseline(const XapianBaseline&) = delete;
  XapianBaseline& operator=(const XapianBaseline&) = delete;

  // Best id and its BM25 weight (higher is better), or empty.
  std::pair<std::string, double> ask(const std::string& q);

 private:
  struct Impl;
  std::filesystem::path dir_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace caunoi::bench
