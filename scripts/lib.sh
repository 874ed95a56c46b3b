# shellcheck shell=bash
# scripts/lib.sh - common settings for the harness scripts; sourced, not run.
#
# Every path is derived from the repo root so that the scripts work from any
# working directory.  Override BUILD to put the build tree elsewhere.

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-$TOP/build}
LINUX=$BUILD/linux
PATCHES=$TOP/patches
CONFIGS=$TOP/configs
TARBALL=${TARBALL:-/usr/src/linux-source-6.12.tar.xz}
SOURCE_PKG=linux-source-6.12

# Deterministic commits in build/linux: the same series gives the same ids.
export GIT_AUTHOR_NAME=${GIT_AUTHOR_NAME:-harness}
export GIT_AUTHOR_EMAIL=${GIT_AUTHOR_EMAIL:-harness@localhost}
export GIT_COMMITTER_NAME=${GIT_COMMITTER_NAME:-harness}
export GIT_COMMITTER_EMAIL=${GIT_COMMITTER_EMAIL:-harness@localhost}

# ccache ships aarch64-linux-gnu-gcc wrappers in /usr/lib/ccache.
export PATH=/usr/lib/ccache:$PATH
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-10G}
# Paths below the repo are hashed relative to it, so that a fresh clone
# elsewhere (CI) hits the cache that this one filled.
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$TOP}
export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
# Depend mode: a miss compiles once and takes the headers from the
# compiler's own dependency file (kbuild passes -MMD), where the default
# mode runs the preprocessor first as well.  A cold 4k build took 370 s
# against 463 s; what the default mode cached still hits.
export CCACHE_DEPEND=${CCACHE_DEPEND:-1}
# Stable build stamps so that ccache hits across trees and runs.
export KBUILD_BUILD_TIMESTAMP=${KBUILD_BUILD_TIMESTAMP:-2024-11-17}
export KBUILD_BUILD_USER=kunit KBUILD_BUILD_HOST=kunit

die()  { echo "error: $*" >&2; exit 1; }
info() { echo "==> $*" >&2; }
