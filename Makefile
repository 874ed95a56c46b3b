# Thin entry points; the logic is in scripts/.  See README.md.
#
#   make run            build the patched kernel, boot the default configuration
#   make test           the full gate: series checks and the whole matrix
#   make tree           build/linux = Debian linux-source-6.12 + patches/series
#   make export         patches/ from build/linux (base..HEAD)
#   make check-series   the series checks, and a build of every prefix
#   make bisect SUITE=x git bisect run helper for build/linux (see scripts/bisect-run)
#   make bench          vanilla 6.12 against the series, side by side (scripts/bench)
#   make mutants        apply each tests/mutants/*.patch, expect its test to fail
#   make selftests      the userspace stage alone: the mm selftests against vanilla
#                       (BOOTS= some boots, CATS= some categories, FULL=1 all)
#   make baseline       the vanilla side of that stage (configs/selftests-baseline.json)
#   make clean          remove build/

CONFIG ?=
CATS ?=
CHECK_BUILD ?= 0
FULL ?= 0
SUITE ?= arm64_pageattr

.PHONY: run test tree export check-series bisect bench mutants selftests baseline clean deps

deps:
	@scripts/deps

tree: deps
	@scripts/tree

run: tree
	@scripts/kunit run $(CONFIG)

test: tree
	@CHECK_BUILD=$(CHECK_BUILD) FULL=$(FULL) scripts/test $(CONFIG)

export:
	@scripts/export

check-series: tree
	@scripts/check-series --build

bisect:
	@cd build/linux && git bisect run ../../scripts/bisect-run $(SUITE) $(CONFIG)

mutants: tree
	@scripts/mutants $(MUTANTS)

# The boots of configs/selftests.json; BOOTS= picks some.
selftests: tree
	@SELFTESTS_CATS="$(CATS)" scripts/kunit test $(or $(BOOTS),$(shell python3 -c 'import json; print(" ".join(b["name"] for b in json.load(open("configs/selftests.json"))["boots"]))'))

baseline: tree
	@SELFTESTS_CATS="$(CATS)" scripts/selftests baseline $(BOOTS)

bench: tree
	@EXTRA_PKGS=python3-matplotlib scripts/deps
	@/usr/bin/python3 scripts/bench

clean:
	rm -rf build
