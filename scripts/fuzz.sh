#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [OUT_DIR] — builds the libFuzzer targets of tests/fuzz with clang++
# (ASan + UBSan + libFuzzer) into OUT_DIR (default build/fuzz) and runs each for SECONDS
# (default 20): csv_fuzz and xlsx_fuzz on the readers, import_fuzz on "a file lands whole or not
# at all". Fails if any target crashes, hangs (10 s per input) or leaks past its memory limit.
#   make fuzz                      # 300 s each
#   make fuzz SECONDS=3600         # longer
# The ctest test fuzz_readers_short runs it for 20 s each inside `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
secs=${1:-20}
out=${2:-$root/build/fuzz}
mkdir -p "$out"
CXX=$(command -v clang++ || command -v clang++-14)
export CAUNOI_DATA_DIR=${CAUNOI_DATA_DIR:-$root/data}

# A small Ninja file: incremental, parallel, and no second CMake tree with another compiler.
flags="-std=c++20 -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined -I$root/src"
inc="$(pkg-config --cflags libzip xlsxwriter libpq 2>/dev/null || true)"
libs="$(pkg-config --libs libzip xlsxwriter libpq) -lexpat -lsqlite3 -licuuc -licui18n -lboost_json -lspdlog -lfmt -lpthread"
tabular="src/tabular/csv_reader.cpp src/tabular/xlsx_reader.cpp src/tabular/rows.cpp src/common/date.cpp
         src/common/format_vi.cpp"
# import_fuzz links the activities library and every library it depends on, whole folders as
# their CMakeLists.txt glob them (activities' DEPS: audit changes sheets places text tabular store
# common), so that a new source file in any of them cannot break the fuzzers' link.
domain="$(ls src/{activities,audit,changes,sheets,places,text,store,common}/*.cpp src/tabular/*.cpp |
          grep -Ev '^src/(tabular/(csv_reader|xlsx_reader|rows|xlsx_writer)|common/(date|format_vi))\.cpp$')"
obj() { echo "obj/${1//\//_}.o"; }
{
  echo "cxx = $CXX"
  echo "flags = $flags $inc"
  echo "rule cc"
  echo "  command = \$cxx \$flags \$extra -MD -MF \$out.d -c \$in -o \$out"
  echo "  depfile = \$out.d"
  echo "  deps = gcc"
  echo "rule link"
  echo "  command = \$cxx \$flags \$extra \$in -o \$out $libs"
  for s in $tabular $domain src/tabular/xlsx_writer.cpp; do
    echo "build $(obj "$s"): cc $root/$s"
  done
  for t in csv_fuzz xlsx_fuzz import_fuzz; do
    echo "build $(obj tests/fuzz/$t.cpp): cc $root/tests/fuzz/$t.cpp"
    echo "  extra = -fsanitize=fuzzer"
  done
  echo "build $(obj tests/fuzz/make_seeds.cpp): cc $root/tests/fuzz/make_seeds.cpp"
  tab_objs=$(for s in $tabular; do obj "$s"; done | tr '\n' ' ')
  dom_objs=$(for s in $domain; do obj "$s"; done | tr '\n' ' ')
  for t in csv_fuzz xlsx_fuzz; do
    echo "build $t: link $(obj tests/fuzz/$t.cpp) $tab_objs"
    echo "  extra = -fsanitize=fuzzer"
  done
  echo "build import_fuzz: link $(obj tests/fuzz/import_fuzz.cpp) $tab_objs $dom_objs $(obj src/tabular/xlsx_writer.cpp)"
  echo "  extra = -fsanitize=fuzzer"
  echo "build make_seeds: link $(obj tests/fuzz/make_seeds.cpp) $(obj src/tabular/xlsx_writer.cpp) $tab_objs"
} > "$out/build.ninja"
ninja -C "$out" -j "${FUZZ_JOBS:-2}" > "$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }

cd "$out"
[[ -d corpus/xlsx ]] || ./make_seeds corpus/csv corpus/xlsx
mkdir -p corpus/import
cp -n corpus/csv/* corpus/import/ 2>/dev/null || true
status=0
for t in csv_fuzz:csv xlsx_fuzz:xlsx import_fuzz:import; do
  bin=${t%%:*} dir=corpus/${t##*:}
  echo "== $bin: $secs s"
  # -timeout: an input taking 10 s is a hang; -rss_limit_mb: no input may blow memory up.
  if ! ASAN_OPTIONS=detect_leaks=1 ./"$bin" "$dir" -max_total_time="$secs" -timeout=10 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 > "$bin.log" 2>&1; then
    echo "   FAILED — see $out/$bin.log and the crash-* file it names"
    tail -40 "$bin.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|Done" "$bin.log" | head -2 | sed 's/^/   /'
  fi
done
exit $status
