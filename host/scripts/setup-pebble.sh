#!/usr/bin/env bash
# Builds fpp4j-pebble (host/pebble), the small Go program through which the host and `fpp4j store` read and
# write op-program's Pebble data directories (--data.format pebble), and prints its path as the last line of
# standard output:  pebble=<path>
#
# Reproducible: Pebble v1.1.5, the version op-program v1.19.0 pins, from the Go module proxy; host/pebble's
# go.sum is committed and go runs with -mod=readonly, so a module that does not match it fails the build.
# Cached: the binary lives at ${FPP4J_PEBBLE_CACHE:-~/.cache/fpp4j/pebble}/fpp4j-pebble (where the host looks
# for it) with a stamp holding a hash of the sources, go.mod, go.sum and the Go version; when it matches, go
# is not started at all. CI may cache that directory and ~/go/pkg/mod.
#
# Exit codes: 0 built or up to date; 10 a module could not be downloaded (no network or proxy); 127 go is not
# installed; anything else a real build failure.
set -euo pipefail

src="$(cd "$(dirname "${BASH_SOURCE[0]}")/../pebble" && pwd)"
cache="${FPP4J_PEBBLE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fpp4j/pebble}"
bin="$cache/fpp4j-pebble"
stamp="$cache/.fpp4j-stamp"

command -v go >/dev/null || { echo "setup-pebble: go not found on PATH (install Go 1.22 or later)" >&2; exit 127; }
mkdir -p "$cache"
# Shared by every clone on the machine and by test JVMs that ask at once: one build at a time, and the lock
# held from the stamp check to the stamp write.
exec 9>"$cache/.lock"
flock 9

sum="$(cd "$src" && { GOTOOLCHAIN=local go version; sha256sum go.mod go.sum ./*.go; } | sha256sum | cut -d' ' -f1)"
if [ -x "$bin" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
  echo "setup-pebble: fpp4j-pebble up to date in $cache" >&2
  echo "pebble=$bin"
  exit 0
fi
rm -f "$stamp"

echo "setup-pebble: downloading Pebble's modules (go mod download)" >&2
if ! (cd "$src" && GOTOOLCHAIN=local GOFLAGS=-mod=readonly go mod download) >&2; then
  echo "setup-pebble: could not download Pebble's modules (no network or proxy?)" >&2
  exit 10
fi

echo "setup-pebble: building fpp4j-pebble (go build -mod=readonly)" >&2
tmp="$(mktemp -d "$cache/.build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
if ! (cd "$src" && GOTOOLCHAIN=local GOFLAGS="-mod=readonly -buildvcs=false" nice -n 10 go build -trimpath \
      -o "$tmp/fpp4j-pebble" .) >&2; then
  echo "setup-pebble: building fpp4j-pebble failed (see above)" >&2
  exit 1
fi
"$tmp/fpp4j-pebble" version >/dev/null
mv -f "$tmp/fpp4j-pebble" "$bin"
echo "$sum" >"$stamp"
echo "setup-pebble: built $bin" >&2
echo "pebble=$bin"
