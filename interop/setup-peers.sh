#!/usr/bin/env bash
# Builds the two interop peers and prints where they are:
#   rust=<path to fpp4j-kona-peer>   (interop/rust, on the kona-preimage crate from crates.io)
#   go=<path to fpp4j-op-peer>       (interop/go, on op-preimage from the Go module proxy)
#
# Reproducible: Cargo.lock and go.sum are committed; cargo runs with --locked, go with -mod=readonly.
# Cached: each binary has a stamp holding a hash of its sources, lock files and toolchain version; when the
# stamp matches, the build tool is not started at all. CI may cache ~/.cargo/registry, ~/go/pkg/mod,
# interop/rust/target and interop/go/bin.
#
# Usage: interop/setup-peers.sh [rust|go]...   (default: both)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
peers=("$@")
[ ${#peers[@]} -eq 0 ] && peers=(rust go)

mkdir -p "$here/rust/target" "$here/go/bin"
# Two test classes (or a test and the benchmark) may ask at once; one build at a time.
exec 9>"$here/rust/target/.setup-peers.lock"
flock 9

fingerprint() { # <toolchain description> <files...>
  { printf '%s\n' "$1"; shift; sha256sum "$@"; } | sha256sum | cut -d' ' -f1
}

build_rust() {
  command -v cargo >/dev/null || { echo "setup-peers: cargo not found on PATH" >&2; return 127; }
  local dir="$here/rust" bin="$here/rust/target/release/fpp4j-kona-peer" stamp="$here/rust/target/.fpp4j-stamp"
  local sum
  sum="$(cd "$dir" && fingerprint "$(cargo --version) $(rustc --version)" Cargo.toml Cargo.lock src/*.rs)"
  if [ -x "$bin" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    echo "setup-peers: rust peer up to date" >&2
  else
    echo "setup-peers: building rust peer (cargo build --release --locked)" >&2
    (cd "$dir" && cargo build --release --locked --quiet) >&2
    echo "$sum" >"$stamp"
  fi
  echo "rust=$bin"
}

build_go() {
  command -v go >/dev/null || { echo "setup-peers: go not found on PATH" >&2; return 127; }
  local dir="$here/go" bin="$here/go/bin/fpp4j-op-peer" stamp="$here/go/bin/.fpp4j-stamp"
  local sum
  sum="$(cd "$dir" && fingerprint "$(GOTOOLCHAIN=local go version)" go.mod go.sum ./*.go)"
  if [ -x "$bin" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    echo "setup-peers: go peer up to date" >&2
  else
    echo "setup-peers: building go peer (go build -mod=readonly)" >&2
    (cd "$dir" && GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false" go build -trimpath -o "$bin" .) >&2
    echo "$sum" >"$stamp"
  fi
  echo "go=$bin"
}

for peer in "${peers[@]}"; do
  case "$peer" in
    rust) build_rust ;;
    go) build_go ;;
    *) echo "setup-peers: unknown peer '$peer' (expected rust or go)" >&2; exit 2 ;;
  esac
done
