# The two commands of caunoi: `make run` and `make test`. Everything else is a helper.
#   make run    install what is missing, build (Release), create caunoi.db with demo data once, serve :8080
#   make test   install what is missing, build with ASan+UBSan, run every test through ctest
#   make test-cluster  the suites make test leaves out for time (more of them on PostgreSQL); CI runs it
#   make bench  build (Release) and run the benchmarks under bench/
SHELL := /bin/bash
JOBS  ?= $(shell nproc)
PORT  ?= 8080
DB    ?= caunoi.db

.PHONY: run test test-cluster deps build build-test web bench fuzz format clean

deps:
	@scripts/install-deps.sh

web: deps
	@if [ -f web/package.json ]; then scripts/build-web.sh; fi

build: deps web
	@# The tests are built (with sanitizers) by build-test; this tree is the app and the benchmarks.
	@cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCAUNOI_BUILD_TESTS=OFF >/dev/null
	@cmake --build build -j $(JOBS)

build-test: deps web
	@cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCAUNOI_SANITIZE=ON -DCAUNOI_BUILD_BENCH=OFF >/dev/null
	@cmake --build build-test -j $(JOBS)

$(DB): | build
	@build/caunoi demo --db $(DB)

run: build
	@[ -f $(DB) ] || build/caunoi demo --db $(DB)
	build/caunoi serve --db $(DB) --port $(PORT)

test: build-test
	@# The browser tests use build/caunoi when a Release build exists, else build-test/caunoi.
	cd build-test && ctest --output-on-failure -j $(JOBS) --timeout 900 -LE cluster

test-cluster: build-test
	@# What make test leaves out to stay within 30 minutes: more suites on PostgreSQL (label cluster).
	cd build-test && ctest --output-on-failure -j $(JOBS) --timeout 900 -L cluster

bench: build
	@scripts/bench.sh

fuzz:
	@scripts/fuzz.sh $(or $(SECONDS),300)

format:
	@find src tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf build build-test
