#!/usr/bin/env bash
# fpp4j's executor (`fpp4j execute`) against the kona-executor 0.4.0 peer on the eight OP Sepolia fixtures, in one
# run, for docs/performance.md. Both execute each block K times in one process from the same `directory` export
# and time it by the same rule (interop/README.md): cold = the first execution, warm = the median of the second
# half. The two alternate, ROUNDS times per block, so a noisy spell hits both; the table gives the median over the
# rounds of each side's warm median, their ratio fpp4j/kona, fpp4j's cold time (a new JVM each round, so the
# JIT is cold), the preimages each read, and fpp4j's peak heap.
#
# --warmup-seconds S switches both sides to the time-based rule (interop/README.md): each first executes the
# block untimed for at least S seconds, then times K executions, and warm is the median of all K. A count of
# executions is not a warm-up for a JIT: on the smallest block, 150 of them end before C2 has compiled fpp4j's
# interpreter loop when the compiler shares the one pinned CPU. The table then also has fpp4j's warm-up
# executions and the JIT's compile time during the K timed ones (ms; near 0 when S was long enough). Without
# the option the rule and the table are as they were, so older figures stay reproducible.
# --jit-quiet-seconds Q (with --warmup-seconds) lengthens fpp4j's warm-up until its JIT has compiled nothing for
# Q seconds (at most 10 S in all; `fpp4j execute --jit-quiet-seconds`); the peer, compiled ahead of time, has
# nothing to wait for. The table then also counts the rounds in which fpp4j's JIT fell quiet.
#
# Usage: interop/kona-executor/compare.sh [--repeat K] [--rounds R] [--warmup-seconds S [--jit-quiet-seconds Q]]
#        (defaults 20, 3, none, none)
# KONA_EXECUTOR_BIN: a peer binary to use instead of the one interop/setup-peers.sh reports (and may build).
# Pin it for numbers worth quoting: taskset -c 1 interop/kona-executor/compare.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repeat=20
rounds=3
warmup=()
quiet=()
usage="usage: compare.sh [--repeat K] [--rounds R] [--warmup-seconds S [--jit-quiet-seconds Q]]"
# A decimal number above 0, or exit 2 naming the option; both sides check the upper bound (a day) themselves.
seconds() {
  [ -n "${2:-}" ] || { echo "compare: $1 needs a number of seconds ($usage)" >&2; exit 2; }
  [[ "$2" =~ ^[0-9]*\.?[0-9]+$ ]] && awk -v s="$2" 'BEGIN { exit !(s > 0) }' \
    || { echo "compare: $1 wants a number of seconds above 0, not '$2'" >&2; exit 2; }
}
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) repeat="${2:?--repeat needs a count}"; shift 2 ;;
    --rounds) rounds="${2:?--rounds needs a count}"; shift 2 ;;
    --warmup-seconds) seconds "$1" "${2:-}"; warmup=(--warmup-seconds "$2"); shift 2 ;;
    --jit-quiet-seconds) seconds "$1" "${2:-}"; quiet=(--jit-quiet-seconds "$2"); shift 2 ;;
    *) echo "compare: unknown argument '$1' ($usage)" >&2; exit 2 ;;
  esac
done
[ ${#quiet[@]} -eq 0 ] || [ ${#warmup[@]} -gt 0 ] \
  || { echo "compare: --jit-quiet-seconds needs --warmup-seconds ($usage)" >&2; exit 2; }
work="${KONA_EXECUTOR_WORK:-$root/interop/target/kona-executor-fixtures}"
# Extracts and exports every fixture, and checks the peer reproduces each block hash.
"$here/run-fixtures.sh" --repeat 2 >/dev/null || { echo "compare: run-fixtures.sh failed; run it alone to see why" >&2; exit 1; }
peer="${KONA_EXECUTOR_BIN:-$("$root/interop/setup-peers.sh" kona-executor | sed -n 's/^kona-executor=//p')}"
results="$work/compare.jsonl"
: >"$results"
for dir in "$work"/block-*/; do
  name="$(basename "$dir")"
  for ((r = 1; r <= rounds; r++)); do
    "$peer" --repeat "$repeat" "${warmup[@]}" "$dir/fixture.json" "$dir/preimages" \
      | sed "s/^{/{\"side\":\"kona\",\"name\":\"$name\",/" >>"$results"
    "$root/fpp4j" execute --fixture "$dir/fixture.json" --data-dir "$dir/preimages" --repeat "$repeat" "${warmup[@]}" "${quiet[@]}" 2>/dev/null \
      | sed "s/^{/{\"side\":\"fpp4j\",\"name\":\"$name\",/" >>"$results"
  done
done
python3 - "$results" "$repeat" "${#warmup[@]}" <<'PY'
import json, statistics, sys
rows, repeat, timed_warmup = {}, int(sys.argv[2]), sys.argv[3] != "0"
for line in open(sys.argv[1]):
    o = json.loads(line)
    rows.setdefault(o["name"], {}).setdefault(o["side"], []).append(o)
def warm(o):
    if "warmMedianMicros" in o:
        return o["warmMedianMicros"]
    m = o["executeMicros"][repeat // 2:]
    return sorted(m)[len(m) // 2]
print(f"{'block':<15}{'kona warm us':>13}{'fpp4j warm us':>15}{'ratio':>7}{'fpp4j cold us':>15}"
      f"{'reads kona/fpp4j':>18}{'heap MiB':>10}" + (f"{'warm-up runs k/f':>18}{'fpp4j JIT ms':>13}" if timed_warmup else "")
      + "  hash")
ratios = []
for name in sorted(rows):
    k, f = rows[name]["kona"], rows[name]["fpp4j"]
    kw, fw = statistics.median(warm(o) for o in k), statistics.median(warm(o) for o in f)
    same = all(o["blockHash"].lower() == o["expectedHash"].lower() for o in f) \
        and all(o["hash"].lower() == o["expectedHash"].lower() for o in k)
    ratios.append(fw / kw)
    print(f"{name:<15}{kw:>13,.0f}{fw:>15,.0f}{fw / kw:>7.2f}{statistics.median(o['coldMicros'] for o in f):>15,.0f}"
          f"{k[0]['preimagesRead']:>9}/{f[0]['preimagesRead']:<8}{max(o['peakHeapMiB'] for o in f):>10}"
          + (f"{statistics.median(o['warmupExecutions'] for o in k):>9,.0f}/"
             f"{statistics.median(o['warmupExecutions'] for o in f):<8,.0f}"
             f"{statistics.median(o.get('jitMillisDuringTimed', -1) for o in f):>13,.0f}" if timed_warmup else "")
          + f"  {'both match' if same else 'MISMATCH'}"
          + (f"  JIT quiet {sum(1 for o in f if o['jitQuiet'])}/{len(f)}" if 'jitQuiet' in f[0] else ""))
print(f"median ratio {statistics.median(ratios):.2f}, worst {max(ratios):.2f}, best {min(ratios):.2f}")
PY
