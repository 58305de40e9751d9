# Shared set-up for scripts/serve, scripts/build and scripts/test. Sourced, not run.
# Every step checks first and skips what is already installed, so a second run takes seconds.
# Only package registries are used: rustup's target, crates.io (cargo install), Debian (apt), npm.
# No tool's own downloader is ever run (wasm-pack always gets --mode no-install).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# The wasm-bindgen CLI must equal the exactly pinned crate (`wasm-bindgen = "=X"` in Cargo.toml).
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"
WASM_PACK_VERSION="0.15.1"

step() { printf '\n== %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_rust() {
  command -v cargo >/dev/null || { echo "cargo not found: install Rust with rustup first" >&2; exit 1; }
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "rustup: adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || rustup component add "$c"
  done
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    step "cargo: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
    # Not --locked: its lockfile pins a crate version this registry mirror lacks (toolchain.md, pitfall 3).
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
  fi
  if [ "$(wasm-pack --version 2>/dev/null || true)" != "wasm-pack $WASM_PACK_VERSION" ]; then
    step "cargo: installing wasm-pack $WASM_PACK_VERSION (about 2 minutes)"
    cargo install --locked wasm-pack --version "$WASM_PACK_VERSION"
  fi
}

ensure_npm() {
  command -v npm >/dev/null || { echo "node/npm not found: install Node.js 20+ first" >&2; exit 1; }
  # Reinstall whenever package-lock.json differs from the one last installed.
  local want; want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ "$(cat node_modules/.stocktake-lock 2>/dev/null || true)" != "$want" ]; then
    step "npm: installing pinned packages from package-lock.json"
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > node_modules/.stocktake-lock
  fi
}

ensure_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    step "apt: installing Debian's chromium and chromium-driver"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
}

build_site() {
  step "wasm-pack: building pkg/ (release, target web)"
  # --mode no-install: never let wasm-pack download wasm-opt or chromedriver itself.
  # wasm-opt comes from npm's binaryen (Debian's breaks the wasm: toolchain.md, pitfall 1).
  # Two builds of the one crate: the core every page loads (without the `workshop` feature), and
  # the workshop build the trainers' pages load when first opened (Cargo.toml, [features]).
  wasm-pack build --target web --release --mode no-install --no-pack --out-dir pkg -- --no-default-features
  step "wasm-pack: building pkg/stocktake_workshop* (release, target web, workshop feature)"
  wasm-pack build --target web --release --mode no-install --no-pack --out-dir pkg --out-name stocktake_workshop
  step "assembling dist/"
  node scripts/build-dist.mjs
}

# LibreOffice (headless, no GUI) and poppler's pdftotext/pdftoppm: e2e/exports.test.mjs opens the
# Word and Excel files the page exports in a real office suite and reads them back as PDF and CSV.
ensure_libreoffice() {
  if ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
    step "apt: installing LibreOffice Writer and Calc (no GUI) and poppler-utils"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
      libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils >/dev/null
  fi
}
