// tests/qa/qa_fixture.h — shared set-up of the Q&A tests: where data/ is, and an engine over the
// project's starter bank (built once per test binary; the engine is immutable).
#pragma once

#include <cstdlib>
#include <filesystem>
#include <memory>

#include "qa/engine.h"
#include "qa/jsonl.h"

namespace qa_test {

inline std::filesystem::path data_dir() {
  const char* d = std::getenv("CAUNOI_DATA_DIR");
  return d ? d : std::filesystem::path(CAUNOI_SOURCE_DIR) / "data";
}

inline const caunoi::qa::Engine& starter_engine() {
  static const auto engine = caunoi::qa::load_engine(data_dir() / "qa" / "kb.jsonl", data_dir());
  return *engine;
}

inline std::string best_id(const caunoi::qa::Engine& e, const caunoi::qa::Ranking& r) {
  return r.best < 0 ? "" : e.entry(static_cast<uint32_t>(r.best)).id;
}

}  // namespace qa_test
