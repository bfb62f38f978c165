#!/usr/bin/env bash
# Runs geth's `evm statetest` (cmd/evm, built from the Go module proxy by host/scripts/setup-geth.sh evm) and
# fpp4j's StateTestMain on the same state test files, for one fork, and compares them case by case.
#
#   evm/scripts/compare-geth.sh [--fork F] [--bench] [--warmup N] [--warmup-seconds S] [FILE|DIR...]
#
# Without FILE or DIR it runs the whole legacy Cancun GeneralStateTests set, unpacked from
# ../shared/fixtures/ethereum-state-tests into evm/target/state-tests (as the JUnit runner does).
#
#  - Roots: every case where the two state roots differ, or where one passes and the other does not, is listed;
#    then the counts. Exit 1 if any root differs.
#  - --bench: both time every case (geth: Go's testing.Benchmark, an average per run; fpp4j: StateTestMain
#    --bench, an average per run after one untimed run). --warmup N first runs every case N times untimed in
#    fpp4j's JVM, so the JIT is warm; that time is reported apart. Prints the median time per case of each,
#    and the median and geometric mean of the per-case ratios fpp4j/geth. Pin both with taskset for numbers
#    worth quoting, e.g. `taskset -c 1 evm/scripts/compare-geth.sh --bench --warmup 3 --warmup-seconds 1 DIR`.
#    --warmup-seconds S then runs each case untimed for at least S seconds just before fpp4j times it: a few
#    passes leave a case of a few hundred microseconds timed while the JIT still compiles what it runs (that
#    time is reported apart too). Without it, the figures are those of the earlier runs.
#
# Environment: JAVA (default: java on PATH); FPP4J_EVM_CP (a class path to use instead of building evm).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
fork=Cancun
bench=()
warmup=()
paths=()
while [ $# -gt 0 ]; do
  case "$1" in
    --fork) fork="${2:?--fork needs a fork name, e.g. Cancun}"; shift 2 ;;
    --bench) bench=(--bench); shift ;;
    --warmup) warmup+=(--warmup "${2:?--warmup needs a count}"); shift 2 ;;
    --warmup-seconds) warmup+=(--warmup-seconds "${2:?--warmup-seconds needs a number of seconds}"); shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    -*) echo "compare-geth: unknown option '$1' (see --help)" >&2; exit 2 ;;
    *) paths+=("$1"); shift ;;
  esac
done

out="$root/evm/target/compare-geth"
mkdir -p "$out"

geth_evm="$("$root/host/scripts/setup-geth.sh" evm | sed -n 's/^evm=//p')"
[ -x "$geth_evm" ] || { echo "compare-geth: geth's evm could not be built (see above)" >&2; exit 3; }

if [ -z "${FPP4J_EVM_CP:-}" ]; then
  (cd "$root" && mvn -q -B -DskipTests package -pl evm -am >&2)
  FPP4J_EVM_CP="$root/evm/target/classes:$(cat "$root/evm/target/classpath.txt")"
fi

if [ ${#paths[@]} -eq 0 ]; then
  tests="$root/evm/target/state-tests"
  if [ ! -d "$tests" ]; then
    tarball="$root/../shared/fixtures/ethereum-state-tests/legacytests-Cancun-GeneralStateTests.tar.xz"
    [ -f "$tarball" ] || { echo "compare-geth: no files given and $tarball is missing" >&2; exit 2; }
    mkdir -p "$tests" && tar -xJf "$tarball" -C "$tests"
  fi
  paths=("$tests")
fi
find "${paths[@]}" -name '*.json' -type f | sort > "$out/files.txt"
count="$(wc -l < "$out/files.txt")"
[ "$count" -gt 0 ] || { echo "compare-geth: no .json files under ${paths[*]}" >&2; exit 2; }
echo "compare-geth: $count files, fork $fork${bench:+, timed}" >&2

# geth prints one JSON array per file on stdout (and a stateRoot line per case on stderr).
start=$(date +%s%N)
"$geth_evm" statetest --statetest.fork "$fork" "${bench[@]}" < "$out/files.txt" > "$out/geth.json" 2> "$out/geth.err" || true
geth_ms=$(( ($(date +%s%N) - start) / 1000000 ))
start=$(date +%s%N)
"${JAVA:-java}" -cp "$FPP4J_EVM_CP" io.fpp4j.evm.statetest.StateTestMain --fork "$fork" "${bench[@]}" "${warmup[@]}" \
  < "$out/files.txt" > "$out/fpp4j.jsonl" 2> "$out/fpp4j.err" || true
fpp4j_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "compare-geth: wall time geth ${geth_ms} ms, fpp4j ${fpp4j_ms} ms (whole runs, fpp4j's incl. JVM start)" >&2

python3 - "$out/geth.json" "$out/fpp4j.jsonl" "$out/fpp4j.err" <<'PY'
import json, math, statistics, sys

def geth_cases(path):
    text, dec, i, cases = open(path).read(), json.JSONDecoder(), 0, []
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        value, i = dec.raw_decode(text, i)
        if isinstance(value, list):
            cases.extend(value)
    return cases

def keyed(cases):
    seen, out = {}, {}
    for c in cases:
        k = (c["name"], c["fork"])
        n = seen.get(k, 0)
        seen[k] = n + 1
        out[k + (n,)] = c
    return out

geth = keyed(geth_cases(sys.argv[1]))
ours = keyed(json.loads(l) for l in open(sys.argv[2]) if l.strip())
for line in open(sys.argv[3]):
    if '"warmup"' in line:
        print("fpp4j warm-up (untimed, excluded from the times below):", line.strip())
    if '"caseWarmup"' in line:
        print("fpp4j per-case warm-up (untimed, excluded from the times below):", line.strip())

differ = [k for k in sorted(geth.keys() & ours.keys())
          if geth[k]["stateRoot"].lower().removeprefix("0x") != ours[k]["stateRoot"].lower().removeprefix("0x")
          or geth[k]["pass"] != ours[k]["pass"]]
for k in differ:
    g, o = geth[k], ours[k]
    print(f"DIFF {k[0]} [{k[1]} #{k[2]}]: geth {g['stateRoot']} pass={g['pass']}, "
          f"fpp4j {o['stateRoot']} pass={o['pass']} {o.get('error', '')}")
only_g, only_o = geth.keys() - ours.keys(), ours.keys() - geth.keys()
for k in sorted(only_g)[:20]:
    print(f"ONLY GETH {k}")
for k in sorted(only_o)[:20]:
    print(f"ONLY FPP4J {k}")
both = geth.keys() & ours.keys()
print(f"cases: geth {len(geth)} ({sum(c['pass'] for c in geth.values())} pass), "
      f"fpp4j {len(ours)} ({sum(c['pass'] for c in ours.values())} pass), in both {len(both)}, "
      f"roots or verdicts differ {len(differ)}, only geth {len(only_g)}, only fpp4j {len(only_o)}")

timed = [k for k in both if "benchStats" in geth[k] and "benchStats" in ours[k]
         and geth[k]["benchStats"]["time"] > 0 and ours[k]["benchStats"]["time"] > 0]
if timed:
    g = [geth[k]["benchStats"]["time"] for k in timed]
    o = [ours[k]["benchStats"]["time"] for k in timed]
    ratios = [b / a for a, b in zip(g, o)]
    print(f"timed cases: {len(timed)}; median time per case: geth {statistics.median(g)/1000:.1f} us, "
          f"fpp4j {statistics.median(o)/1000:.1f} us; ratio fpp4j/geth: median {statistics.median(ratios):.2f}, "
          f"geometric mean {math.exp(statistics.fmean(math.log(r) for r in ratios)):.2f}")
    slow = sorted(zip(ratios, timed), reverse=True)[:5]
    for r, k in slow:
        print(f"  slowest ratio {r:.2f}: {k[0]} [{k[1]} #{k[2]}] geth {geth[k]['benchStats']['time']/1000:.1f} us, "
              f"fpp4j {ours[k]['benchStats']['time']/1000:.1f} us")
sys.exit(1 if differ else 0)
PY
