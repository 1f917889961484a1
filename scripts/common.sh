# common.sh — shared by scripts/run and scripts/test: install packages, configure and build.
# Sourced, not run. BUILD_DIR and CMAKE_ARGS may be set by the caller.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JOBS:-$(nproc)}"

npt_setup() {
  "$ROOT/scripts/install-deps"
}

# npt_build DIR [cmake args...]: configure once (Ninja), then build only what changed.
npt_build() {
  local dir="$1"; shift
  if [[ ! -f "$dir/build.ninja" ]]; then
    cmake -S "$ROOT" -B "$dir" -G Ninja "$@"
  else
    cmake "$dir" "$@" > /dev/null
  fi
  cmake --build "$dir" -j "$JOBS"
}
