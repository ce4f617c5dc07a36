# Shared by the quick-start scripts: say what is done, install what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${FAIRMATCH_BUILD_DIR:-$ROOT/build}"

say() { printf '\n==> %s\n' "$*"; }

# Installs the Debian packages that are not installed yet (needs root).
ensure_packages() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "Debian packages already present: $*"
        return
    fi
    say "Installing Debian packages: ${missing[*]}"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

BUILD_PACKAGES=(cmake ninja-build g++ ccache pkg-config libboost1.81-dev libsqlite3-dev nlohmann-json3-dev
                libsodium-dev libqrencode-dev)
TEST_PACKAGES=(libgtest-dev libgmock-dev libbenchmark-dev python3 python3-icalendar sqlite3 chromium)
# The sanitizer build and the fuzzers (scripts/test.sh, bench/fuzz.sh): clang with
# libFuzzer and the ASan/UBSan runtimes, llvm-symbolizer for readable reports.
SANITIZER_PACKAGES=(clang libclang-rt-14-dev llvm-14)

# Configures (cheap when nothing changed) and builds the given CMake targets
# (all when none). CMAKE_ARGS holds the options of the calling script.
build() {
    say "Building fairmatch (Release) in $BUILD_DIR"
    cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "${CMAKE_ARGS[@]}" >/dev/null
    cmake --build "$BUILD_DIR" --parallel "$(nproc)" ${1:+--target "$@"}
}
CMAKE_ARGS=()
