#!/usr/bin/env bash
# Builds the interop peers and prints where they are:
#   rust=<path to fpp4j-kona-peer>                (interop/rust, on the kona-preimage crate from crates.io)
#   go=<path to fpp4j-op-peer>                    (interop/go, on op-preimage from the Go module proxy)
#   kona-executor=<path to fpp4j-kona-executor>   (interop/kona-executor, on the kona-executor crate)
#   op-program-host=<path>, op-program-client=<path>
#                                                 (op-program v1.19.0's own host and client, interop/op-program,
#                                                  from the Go module proxy)
#   kona-program=<path to fpp4j-kona-program>     (interop/kona-program, on kona-proof/-derive/-driver/-executor)
#
# Reproducible: Cargo.lock and go.sum are committed; cargo runs with --locked, go with -mod=readonly.
# Cached: each binary has a stamp holding a hash of its sources, lock files and toolchain version; when the
# stamp matches, the build tool is not started at all. CI may cache ~/.cargo/registry, ~/go/pkg/mod,
# interop/rust/target and interop/go/bin.
#
# Exit codes: 0 every peer built or up to date; 10 op-program's modules could not be downloaded (no network
# or proxy: its tests skip with that reason; the other peers are still built); anything else a real failure.
#
# Usage: interop/setup-peers.sh [rust|go|kona-executor|op-program|kona-program]...
#   (default: the first four; kona-program only when named, since its cold build takes about 20 minutes)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
peers=("$@")
[ ${#peers[@]} -eq 0 ] && peers=(rust go kona-executor op-program)

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

build_kona_executor() {
  command -v cargo >/dev/null || { echo "setup-peers: cargo not found on PATH" >&2; return 127; }
  local dir="$here/kona-executor"
  local target="${XDG_CACHE_HOME:-$HOME/.cache}/fpp4j/cargo-target/kona-executor"
  local bin="$target/release/fpp4j-kona-executor" stamp="$target/.fpp4j-stamp"
  mkdir -p "$target"
  # The target is shared by every clone on the machine: hold its own lock from stamp check to stamp write,
  # so one clone cannot stamp a binary another clone just rebuilt from different sources.
  exec 8>"$target/.setup-peers.lock"
  flock 8
  local sum
  sum="$(cd "$dir" && fingerprint "$(cargo --version) $(rustc --version)" Cargo.toml Cargo.lock src/*.rs)"
  if [ -x "$bin" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    echo "setup-peers: kona-executor peer up to date" >&2
  else
    echo "setup-peers: building kona-executor peer (cargo build --release --locked; minutes when cold)" >&2
    rm -f "$stamp"
    # nice: the machine that builds it is usually also running Java builds and tests.
    (cd "$dir" && CARGO_TARGET_DIR="$target" nice -n 10 cargo build --release --locked --quiet) >&2
    echo "$sum" >"$stamp"
  fi
  exec 8>&-
  echo "kona-executor=$bin"
}

build_op_program() {
  command -v go >/dev/null || { echo "setup-peers: go not found on PATH" >&2; return 127; }
  local dir="$here/op-program" version
  version="$(sed -n 's|^require github.com/ethereum-optimism/optimism \(v[^ ]*\)$|\1|p' "$dir/go.mod")"
  [ -n "$version" ] || { echo "setup-peers: $dir/go.mod does not require the optimism module" >&2; return 2; }
  # Outside the clone, like kona-executor's target: a fresh clone on the same machine reuses the binaries.
  local out="${XDG_CACHE_HOME:-$HOME/.cache}/fpp4j/op-program/$version"
  local host="$out/op-program-host" client="$out/op-program-client" stamp="$out/.fpp4j-stamp"
  # Called in an `||` list, where set -e does not apply: every step below checks its own status.
  mkdir -p "$out" || return 1
  exec 8>"$out/.setup-peers.lock"
  flock 8
  local sum
  sum="$(cd "$dir" && fingerprint "$(GOTOOLCHAIN=local go version)" go.mod go.sum)" || return 1
  if [ -x "$host" ] && [ -x "$client" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    echo "setup-peers: op-program $version up to date in $out" >&2
  else
    rm -f "$stamp"
    echo "setup-peers: downloading op-program $version's modules (go mod download)" >&2
    # Every module the two commands need, checked against the committed go.sum; a failure here is the network
    # or the proxy, not the build, so the tests can skip on it.
    if ! (cd "$dir" && GOTOOLCHAIN=local GOFLAGS="-mod=readonly" go mod download) >&2; then
      echo "setup-peers: could not download op-program $version's modules (no network or proxy?)" >&2
      exec 8>&-
      return 10
    fi
    echo "setup-peers: building op-program $version host and client (go build -mod=readonly; minutes when cold)" >&2
    local tmp
    tmp="$(mktemp -d "$out/.build.XXXXXX")"
    local pkg=github.com/ethereum-optimism/optimism/op-program
    # One go at a time: the two links are memory-heavy and the machine is shared (nice, as for kona-executor).
    if ! (cd "$dir" && GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false" \
          nice -n 10 go build -trimpath -o "$tmp/op-program-host" "$pkg/host/cmd" \
          && GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false" \
          nice -n 10 go build -trimpath -o "$tmp/op-program-client" "$pkg/client/cmd") >&2; then
      rm -rf "$tmp"
      exec 8>&-
      echo "setup-peers: building op-program $version failed (see above)" >&2
      return 1
    fi
    mv -f "$tmp/op-program-host" "$host" && mv -f "$tmp/op-program-client" "$client" && rm -rf "$tmp" \
      && echo "$sum" >"$stamp" || return 1
  fi
  exec 8>&-
  echo "op-program-host=$host"
  echo "op-program-client=$client"
}

build_kona_program() {
  command -v cargo >/dev/null || { echo "setup-peers: cargo not found on PATH" >&2; return 127; }
  local dir="$here/kona-program"
  # Its own target: kona-proof 0.3.0 pulls the 0.3 line of kona-executor and alloy 0.12, which share
  # nothing compiled with the kona-executor peer's 0.4.0 / alloy 1.x lock.
  local target="${XDG_CACHE_HOME:-$HOME/.cache}/fpp4j/cargo-target/kona-program"
  local bin="$target/release/fpp4j-kona-program" stamp="$target/.fpp4j-stamp"
  mkdir -p "$target"
  exec 7>"$target/.setup-peers.lock"
  flock 7
  local sum
  sum="$(cd "$dir" && fingerprint "$(cargo --version) $(rustc --version)" Cargo.toml Cargo.lock src/*.rs)"
  if [ -x "$bin" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    echo "setup-peers: kona-program peer up to date" >&2
  else
    echo "setup-peers: building kona-program peer (cargo build --release --locked; minutes when cold)" >&2
    rm -f "$stamp"
    (cd "$dir" && CARGO_TARGET_DIR="$target" nice -n 10 cargo build --release --locked --quiet) >&2
    echo "$sum" >"$stamp"
  fi
  exec 7>&-
  echo "kona-program=$bin"
}

status=0
for peer in "${peers[@]}"; do
  case "$peer" in
    rust) build_rust ;;
    go) build_go ;;
    kona-executor) build_kona_executor ;;
    # A download failure (10) is remembered, not fatal, so the peers after it are still built.
    op-program) build_op_program || { rc=$?; [ "$rc" -eq 10 ] || exit "$rc"; status=10; } ;;
    kona-program) build_kona_program ;;
    *) echo "setup-peers: unknown peer '$peer' (expected rust, go, kona-executor, op-program or kona-program)" >&2; exit 2 ;;
  esac
done
exit "$status"
