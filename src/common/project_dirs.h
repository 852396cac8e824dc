// common/project_dirs.h — where caunoi's own files are: data/ (units, Q&A bank, import
// headings…) and web/dist. One rule for every part that reads them: the environment variable if
// set; else next to the binary (build/caunoi → ../data); else under the current directory.
#pragma once

#include <filesystem>

namespace caunoi {

// `env` (e.g. "CAUNOI_DATA_DIR") if set and not empty, else <binary's dir>/../<rel> if that
// exists, else <current dir>/<rel>.
std::filesystem::path project_dir(const char* env, const std::filesystem::path& rel);

// project_dir("CAUNOI_DATA_DIR", "data"), read afresh on each call.
std::filesystem::path data_dir();

}  // namespace caunoi
