#!/usr/bin/env bash
# Runs the kona-executor peer on the eight OP Sepolia executor fixtures and checks each block hash against the
# fixture's expected_block_hash. Per block: extract the tar, export its untyped-keccak RocksDB with
# `./fpp4j store convert` into a 'directory' preimage store, execute K times in one peer process.
#
# Prints one table row per block; the peer's JSON lines go to <work>/results.jsonl. Timings (microseconds):
#   cold = the first execution; warm = the median of the executions after the first floor(K/2) (the first
#   half is warm-up). The Java executor is to be timed by the same rule.
#
# Usage: interop/kona-executor/run-fixtures.sh [--repeat K]      (K >= 2, default 20)
# Environment: FPP4J_SHARED (default <repo>/../shared), KONA_EXECUTOR_WORK (default interop/target/kona-executor-fixtures),
#   KONA_EXECUTOR_BIN (a peer binary to use instead of the one setup-peers.sh reports and may build)
# Exit: 0 when every block matched; 1 when any hash differed or the peer failed; 2 on bad usage or setup.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repeat=20
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) [ $# -ge 2 ] || { echo "run-fixtures: --repeat needs a count" >&2; exit 2; }; repeat="$2"; shift 2 ;;
    *) echo "run-fixtures: unknown argument '$1' (usage: run-fixtures.sh [--repeat K])" >&2; exit 2 ;;
  esac
done
[[ "$repeat" =~ ^[0-9]+$ ]] && [ "$repeat" -ge 2 ] || { echo "run-fixtures: --repeat wants a whole number >= 2, not '$repeat'" >&2; exit 2; }

fixtures="${FPP4J_SHARED:-$root/../shared}/fixtures/op-sepolia-executor"
work="${KONA_EXECUTOR_WORK:-$root/interop/target/kona-executor-fixtures}"
shopt -s nullglob
tars=("$fixtures"/block-*.tar)
[ ${#tars[@]} -gt 0 ] || { echo "run-fixtures: no block-*.tar in $fixtures" >&2; exit 2; }

peer="${KONA_EXECUTOR_BIN:-$("$root/interop/setup-peers.sh" kona-executor | sed -n 's/^kona-executor=//p')}"
[ -x "$peer" ] || { echo "run-fixtures: no kona-executor binary (KONA_EXECUTOR_BIN or setup-peers.sh)" >&2; exit 2; }
mkdir -p "$work"
: >"$work/results.jsonl"

# The value of "name":"0x.." in a JSON text (flat hex fields only; enough for these two files).
hex_field() { grep -o "\"$1\": *\"0x[0-9a-fA-F]*\"" | head -n1 | sed 's/.*"\(0x[0-9a-fA-F]*\)"/\1/' | tr 'A-F' 'a-f'; }
num_field() { grep -o "\"$1\": *[0-9]*" | head -n1 | sed 's/.*: *//'; }

printf '%-9s %-5s %-4s %9s %9s %10s\n' block txs hash preimages cold_us warm_us
failed=0
for tar in "${tars[@]}"; do
  name="$(basename "$tar" .tar)"
  block="${name#block-}"
  rm -rf "${work:?}/$name"
  tar -xf "$tar" -C "$work" --exclude='._*' --warning=no-unknown-keyword
  "$root/fpp4j" store convert --from "$work/$name/kv" --from-format rocksdb --from-untyped-keccak \
    --to "$work/$name/preimages" --to-format directory >"$work/$name/convert.log"
  expected="$(hex_field expected_block_hash <"$work/$name/fixture.json")"
  if ! line="$("$peer" --repeat "$repeat" "$work/$name/fixture.json" "$work/$name/preimages" 2>"$work/$name/peer.err")"; then
    printf '%-9s peer failed: %s\n' "$block" "$(cat "$work/$name/peer.err")"
    failed=1
    continue
  fi
  echo "$line" >>"$work/results.jsonl"
  hash="$(hex_field hash <<<"$line")"
  micros="$(grep -o '"executeMicros":\[[0-9,]*\]' <<<"$line" | tr -dc '0-9,' | tr ',' '\n')"
  cold="$(head -n1 <<<"$micros")"
  warm="$(tail -n +$((repeat / 2 + 1)) <<<"$micros" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }')"
  if [ -n "$expected" ] && [ "$hash" = "$expected" ]; then verdict=ok; else verdict=DIFF; failed=1; fi
  printf '%-9s %-5s %-4s %9s %9s %10s\n' "$block" "$(num_field transactions <<<"$line")" "$verdict" \
    "$(num_field preimagesRead <<<"$line")" "$cold" "$warm"
  [ "$verdict" = ok ] || printf '          peer %s, expected %s\n' "$hash" "${expected:-<none in fixture.json>}"
done
exit "$failed"
