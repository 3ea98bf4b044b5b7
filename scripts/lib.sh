# Shared by scripts/setup, scripts/serve, scripts/test and scripts/bench. Source it; do not run it.
#
# Every step says what it is doing, installs only what is missing, and when it cannot succeed
# says why and what to do. A second run with everything present takes seconds.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$ROOT/.tools"
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"
# rustup would otherwise install the toolchain that rust-toolchain.toml pins on the first
# cargo command, without a time limit; ensure_rust installs it with one, or says what it uses.
export RUSTUP_AUTO_INSTALL=0

TRUNK_VERSION="0.22.1"
# trunk 0.22.1 needs rustc >= 1.96.1; trunk 0.21.14 builds with any rustc >= 1.81.
TRUNK_FALLBACK_VERSION="0.21.14"
BINARYEN_VERSION="132"
WASM_TARGET="wasm32-unknown-unknown"

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
info() { printf '    %s\n' "$*"; }
fail() {
  printf '\033[31merror:\033[0m %s\n' "$1" >&2
  shift
  for line in "$@"; do printf '       %s\n' "$line" >&2; done
  exit 1
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fail "'$*' needs root and sudo is not installed." "Run it as root, then run this script again."
  fi
}

apt_install() {
  command -v apt-get >/dev/null || fail "apt-get is not available to install: $*" \
    "Install these packages with your system's package manager, then run this again."
  # A stale package index makes apt-get fail to find current versions: refresh it once.
  if [ -z "${NEWSMAP_APT_UPDATED:-}" ]; then
    info "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null
    NEWSMAP_APT_UPDATED=1
  fi
  info "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null
}

# "1.96.1" -> 1096001, for comparisons.
version_number() {
  local IFS=.
  # shellcheck disable=SC2206
  local v=($1)
  echo $(( ${v[0]:-0} * 1000000 + ${v[1]:-0} * 1000 + ${v[2]:-0} ))
}

# The rustc version of a rustup toolchain ("" when it is not installed).
toolchain_version() {
  rustc "+$1" --version 2>/dev/null | awk '{print $2}' | sed 's/-.*//'
}

# The wasm-bindgen version that Cargo.lock pins; the CLI must match it exactly.
locked_wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# Environment for wasm32 builds. Empty on the rustup route; on the Debian route (rustup could
# not add the target) it selects Debian's cargo/rustc and builds the standard library from
# source. Kept out of native builds, which must not use build-std.
WASM_ENV_FILE="$TOOLS/wasm-env.sh"
load_wasm_env() {
  if [ -f "$WASM_ENV_FILE" ]; then
    # shellcheck disable=SC1090
    . "$WASM_ENV_FILE"
  fi
}

# The toolchain rust-toolchain.toml pins ("1.95.0").
pinned_toolchain() {
  awk -F'"' '/^channel *=/ { print $2; exit }' "$ROOT/rust-toolchain.toml"
}

ensure_rust() {
  step "Rust toolchain"
  command -v cargo >/dev/null || fail "cargo is not installed." \
    "Install Rust with rustup (https://rustup.rs), then run this again."
  local pinned
  pinned="$(pinned_toolchain)"
  if command -v rustup >/dev/null && [ -n "$pinned" ] && [ -z "${RUSTUP_TOOLCHAIN:-}" ] &&
    ! rustup toolchain list | grep -q "^$pinned-"; then
    # rustup can hang on this network: a time limit, twice, then the installed default.
    local attempt
    for attempt in 1 2; do
      info "rustup toolchain install $pinned (pinned by rust-toolchain.toml; attempt $attempt, 300 s limit)"
      if timeout 300 rustup toolchain install "$pinned" --profile minimal \
        --component clippy,rustfmt --target "$WASM_TARGET"; then
        break
      fi
    done
    if ! rustup toolchain list | grep -q "^$pinned-"; then
      RUSTUP_TOOLCHAIN="$(rustup default 2>/dev/null | awk '{print $1}')"
      [ -n "$RUSTUP_TOOLCHAIN" ] || fail "rustup could not install $pinned and has no default toolchain." \
        "Install one with rustup (https://rustup.rs), then run this again."
      export RUSTUP_TOOLCHAIN
      info "rustup could not install $pinned: using the default toolchain, $RUSTUP_TOOLCHAIN"
    fi
  fi
  info "$(cargo --version)"
}

ensure_wasm_target() {
  step "Rust standard library for $WASM_TARGET"
  if rustup target list --installed 2>/dev/null | grep -x "$WASM_TARGET" >/dev/null; then
    info "installed (rustup)"
    rm -f "$WASM_ENV_FILE"
    return
  fi
  if [ -f "$WASM_ENV_FILE" ] && [ -d /usr/lib/rustlib/src/rust ]; then
    info "using Debian's rustc with the standard library built from source (see $WASM_ENV_FILE)"
    return
  fi
  # rustup can hang on this network: give it a time limit, twice, then take the Debian route.
  for attempt in 1 2; do
    info "rustup target add $WASM_TARGET (attempt $attempt, 90 s limit)"
    if timeout 90 rustup target add "$WASM_TARGET"; then
      rm -f "$WASM_ENV_FILE"
      return
    fi
  done
  info "rustup could not install it; falling back to Debian's rustc-web and the std source"
  apt_install rustc-web cargo-web rust-web-src lld-22 ||
    fail "Neither rustup nor apt-get could provide a wasm32 standard library." \
      "Fix network access to static.rust-lang.org or to Debian's mirrors, then run this again."
  mkdir -p "$TOOLS"
  cat >"$WASM_ENV_FILE" <<'ENV'
# Written by scripts/lib.sh: wasm32 builds use Debian's toolchain and build std from source.
export PATH="/usr/bin:$PATH"
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
ENV
  info "wrote $WASM_ENV_FILE"
}

ensure_trunk() {
  step "trunk $TRUNK_VERSION"
  if trunk --version 2>/dev/null | grep -E "trunk ($TRUNK_VERSION|$TRUNK_FALLBACK_VERSION)\$" >/dev/null; then
    info "$(trunk --version)"
    return
  fi
  # Build it with the first installed toolchain recent enough (several minutes on 2 cores).
  local tc version
  for tc in stable nightly; do
    version="$(toolchain_version "$tc")"
    if [ -n "$version" ] && [ "$(version_number "$version")" -ge "$(version_number 1.96.1)" ]; then
      info "cargo +$tc install trunk --version $TRUNK_VERSION --locked (rustc $version; takes minutes)"
      cargo "+$tc" install trunk --version "$TRUNK_VERSION" --locked ||
        fail "cargo install trunk failed." "See the compiler output above."
      return
    fi
  done
  info "no toolchain >= 1.96.1 for trunk $TRUNK_VERSION: installing trunk $TRUNK_FALLBACK_VERSION"
  cargo install trunk --version "$TRUNK_FALLBACK_VERSION" --locked ||
    fail "cargo install trunk failed." "See the compiler output above."
}

ensure_wasm_bindgen() {
  local want
  want="$(locked_wasm_bindgen_version)"
  [ -n "$want" ] || fail "Cargo.lock pins no wasm-bindgen version." "Run 'cargo generate-lockfile'."
  step "wasm-bindgen CLI $want (the version Cargo.lock pins)"
  if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ]; then
    info "installed"
    return
  fi
  # Not --locked: the CLI's own lock file pins a webpki-roots that the registry no longer has.
  info "cargo install wasm-bindgen-cli --version $want (takes minutes)"
  cargo install wasm-bindgen-cli --version "$want" --force ||
    fail "cargo install wasm-bindgen-cli failed." "See the compiler output above."
}

ensure_wasm_opt() {
  step "wasm-opt (binaryen $BINARYEN_VERSION)"
  if wasm-opt --version 2>/dev/null | grep "version $BINARYEN_VERSION" >/dev/null; then
    info "$(wasm-opt --version)"
    return
  fi
  command -v npm >/dev/null || fail "npm is needed to install binaryen $BINARYEN_VERSION." \
    "Install Node.js and npm (apt-get install nodejs npm), then run this again."
  # Debian's binaryen is too old for the wasm features rustc emits; npm's is current.
  info "npm install binaryen@$BINARYEN_VERSION into .tools/"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION" ||
    fail "npm could not install binaryen." "Check access to the npm registry, then run this again."
  info "$(wasm-opt --version)"
}

ensure_chromium() {
  step "Chromium (headless browser tests)"
  if ! command -v chromium >/dev/null; then
    apt_install chromium
    command -v chromium >/dev/null || fail "chromium did not install." \
      "Install Debian's 'chromium' package, then run this again."
  fi
  info "$(chromium --version 2>/dev/null | head -1)"
  # The page ships no font: the tests' screenshots of ?lang=ar need one with Arabic letters.
  if ! fc-list :lang=ar family 2>/dev/null | grep -q .; then
    apt_install fontconfig fonts-dejavu-core
  fi
  info "a font with Arabic letters: $(fc-list :lang=ar family 2>/dev/null | head -1)"
}

ensure_browser_test_deps() {
  step "Browser test driver (npm packages in tests/browser)"
  local dir="$ROOT/tests/browser"
  local stamp="$dir/node_modules/.installed-lock"
  if [ -f "$stamp" ] && cmp -s "$dir/package-lock.json" "$stamp"; then
    info "installed"
    return
  fi
  command -v npm >/dev/null || fail "npm is needed for the browser tests." \
    "Install Node.js and npm (apt-get install nodejs npm), then run this again."
  info "npm ci (playwright-core drives Debian's chromium; no browser download)"
  (cd "$dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund) ||
    fail "npm ci failed in tests/browser." "Check access to the npm registry, then run this again."
  cp "$dir/package-lock.json" "$stamp"
}

# Every crate the offline builds need, for the host and for wasm32, in the project and in the
# benchmark's baseline page. trunk runs cargo with --offline, so nothing may be left to fetch.
# With everything already downloaded this reads only the local registry (well under a second).
ensure_crates() {
  step "Crates for the native and wasm32 builds (cargo fetch)"
  local manifest
  for manifest in "$ROOT/Cargo.toml" "$ROOT/bench/bare/Cargo.toml"; do
    (load_wasm_env && cargo fetch --locked --quiet --manifest-path "$manifest") ||
      fail "cargo fetch failed for ${manifest#"$ROOT"/}." \
        "Check access to crates.io (or your registry mirror), then run this again."
  done
  info "all downloaded"
}

# Everything needed to build and serve the app.
ensure_app_toolchain() {
  ensure_rust
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
  ensure_crates
}

# Builds the release dist/ (trunk, wasm-opt), offline: trunk must never download tools.
build_dist() {
  step "Building the release app into dist/ (trunk build --release)"
  (cd "$ROOT" && load_wasm_env && trunk build --release --offline)
}
