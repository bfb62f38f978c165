#!/usr/bin/env bash
# Builds a go-ethereum command from the Go module proxy and prints its path as the last line of standard
# output:  <command>=<path>
#
# Usage: setup-geth.sh [geth|evm]   (default geth)
#   geth  the node for the host's online tests (`geth --dev`)
#   evm   cmd/evm, whose `evm statetest` is the EVM's peer on the Ethereum state tests (evm/scripts)
#
# Reproducible: a pinned release, built with `go install module@version`, which checks every module against
# go-ethereum's own go.sum and the Go checksum database; -trimpath keeps local paths out of the binary.
# Cached: the binary lives under ${FPP4J_GETH_CACHE:-~/.cache/fpp4j/geth}/<version>/ with a stamp naming
# the version and Go toolchain; when both match, go is not started at all. CI may cache that directory and
# ~/go/pkg/mod.
#
# Exit codes: 0 built or up to date; 10 a module could not be downloaded (no network: tests may skip);
# 127 go is not installed; anything else a real build failure.
#
# Why v1.17.8: v1.17.9 and later need github.com/attestantio/go-eth2-client v0.30.1, which the module proxy
# refuses to serve ("403 Forbidden: This module version is not available").
#
# Environment: FPP4J_GETH_VERSION (default below), FPP4J_GETH_CACHE.
set -euo pipefail

cmd="${1:-geth}"
case "$cmd" in
  geth|evm) ;;
  *) echo "setup-geth: unknown command '$cmd' (expected geth or evm)" >&2; exit 2 ;;
esac
version="${FPP4J_GETH_VERSION:-v1.17.8}"
module="github.com/ethereum/go-ethereum"
cache="${FPP4J_GETH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/fpp4j/geth}"
dir="$cache/$version"
bin="$dir/$cmd"
# geth keeps the stamp name it always had, so an existing cache stays valid.
stamp="$dir/.fpp4j-stamp$([ "$cmd" = geth ] || echo "-$cmd")"

command -v go >/dev/null || { echo "setup-geth: go not found on PATH" >&2; exit 127; }
mkdir -p "$dir"
# Two test JVMs may ask at once; one build at a time.
exec 9>"$dir/.lock"
flock 9

want="$version $(GOTOOLCHAIN=local go version)"
if [ -x "$bin" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "setup-geth: $cmd $version up to date in $dir" >&2
  echo "$cmd=$bin"
  exit 0
fi

echo "setup-geth: downloading $module@$version from the module proxy" >&2
if ! GOTOOLCHAIN=local GOFLAGS=-mod=mod go mod download "$module@$version" >&2; then
  echo "setup-geth: could not download $module@$version (no network or proxy?)" >&2
  exit 10
fi

echo "setup-geth: building $cmd $version (go install, first build takes minutes)" >&2
tmp="$(mktemp -d "$dir/.build.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
log="$tmp/build.log"
if ! GOTOOLCHAIN=local GOBIN="$tmp" GOFLAGS="-buildvcs=false -trimpath" go install "$module/cmd/$cmd@$version" >"$log" 2>&1; then
  cat "$log" >&2
  if grep -qE 'reading https?://|dial tcp|no such host|proxyconnect|i/o timeout|TLS handshake' "$log"; then
    echo "setup-geth: a dependency of $cmd $version could not be downloaded (see above)" >&2
    exit 10
  fi
  echo "setup-geth: building $cmd $version failed (see above)" >&2
  exit 1
fi
"$tmp/$cmd" --version >/dev/null
mv -f "$tmp/$cmd" "$bin"
echo "$want" >"$stamp"
echo "setup-geth: built $bin" >&2
echo "$cmd=$bin"
