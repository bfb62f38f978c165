#!/usr/bin/env bash
# Preimage round trip: fpp4j (JMH) against the physical limit (bench/c/pingpong.c), measured in one run.
#
#   bench/compare.sh [JDK_HOME ...]
#
# Builds the benchmarks jar and the C ping-pong, then runs, in this order: the C ping-pong, the JMH
# benchmarks on the JDK that runs `java` (the build's JDK), the half pairs (one side Java, the other C), the
# cross-process JMH benchmarks and half pairs on every
# JDK_HOME given (e.g. /usr/lib/jvm/temurin-25-jdk-amd64), and the C ping-pong again, so drift in a noisy
# machine shows up in the C figures. It prints a table of medians and Java/C ratios; raw output stays in
# bench/target/compare/. About 8 to 9 minutes on 2 cores with one extra JDK (JDK 22+ adds a raw-descriptor pass).
#
# Knobs (environment): FORKS (2), WARMUP (2 iterations of 1 s), ITERS (3 iterations of 1 s),
# C_ITERS (100000 small / C_ITERS/10 large round trips per run, after a tenth as warm-up), C_RUNS (5),
# PIN_CPU (0): every measured process, C and Java alike, runs on this one CPU (taskset); "none" lets the
# scheduler place them. On this VM a wake-up across CPUs costs anything from 1 to 65 us depending on the
# hour, which swamps what is measured, so the default pins both sides of every ping-pong to one CPU.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/target/compare"
JAR="$ROOT/bench/target/benchmarks.jar"
PP="$ROOT/bench/target/pingpong"
FORKS=${FORKS:-2}
WARMUP=${WARMUP:-2}
ITERS=${ITERS:-3}
C_ITERS=${C_ITERS:-100000}
C_RUNS=${C_RUNS:-5}
PIN_CPU=${PIN_CPU:-0}
JMH_EXTRA=()
PIN=()
if [ "$PIN_CPU" != none ]; then
  command -v taskset >/dev/null || { echo "taskset (util-linux) is needed to pin to CPU $PIN_CPU; or set PIN_CPU=none" >&2; exit 2; }
  PIN=(taskset -c "$PIN_CPU")
fi

for jdk in "$@"; do
  [ -x "$jdk/bin/java" ] || { echo "not a JDK (no bin/java): $jdk" >&2; exit 2; }
done
command -v gcc >/dev/null || { echo "gcc is needed for the C ping-pong" >&2; exit 2; }
command -v python3 >/dev/null || { echo "python3 is needed to print the table" >&2; exit 2; }

echo "== build"
mvn -q -B -DskipTests package -pl bench -am
mkdir -p "$OUT"
rm -f "$OUT"/*
gcc -O2 -Wall -o "$PP" bench/c/pingpong.c

run_c() { # $1: label (before/after)
  local large_iters=$((C_ITERS / 10))
  for mode in exact greedy; do
    "${PIN[@]}" "$PP" 100 "$C_ITERS" $((C_ITERS / 10)) "$C_RUNS" "$mode" | tee -a "$OUT/c-$1.txt"
    "${PIN[@]}" "$PP" 131072 "$large_iters" $((large_iters / 10)) "$C_RUNS" "$mode" | tee -a "$OUT/c-$1.txt"
  done
}

run_jmh() { # $1: java binary, $2: tag, $3: benchmark regex
  "${PIN[@]}" "$1" -jar "$JAR" "$3" "${JMH_EXTRA[@]}" -bm sample -tu us -f "$FORKS" -wi "$WARMUP" -w 1s -i "$ITERS" -r 1s \
    -rf json -rff "$OUT/jmh-$2.json" > "$OUT/jmh-$2.txt" 2>&1 \
    || { tail -40 "$OUT/jmh-$2.txt" >&2; echo "JMH run $2 failed, see $OUT/jmh-$2.txt" >&2; exit 1; }
  grep -E '^(Benchmark|[A-Za-z]+Bench\.[A-Za-z0-9]+ )|:p0.50 ' "$OUT/jmh-$2.txt" || true
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "kernel: $(uname -r)"
  echo "pinned to CPU: $PIN_CPU"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

echo "== C ping-pong (before)"
run_c before

echo "== JMH on $(java -version 2>&1 | head -1)"
run_jmh java jdk-default '(CrossProcessBench|RawPipeBench|InProcessBench)\.'

# Half pairs: one side Java, the other the C ping-pong's half, so each Java side's share of the gap shows.
#  - host side: `pingpong client` times round trips against a Java host (fpp4j's BenchHost, then RawEchoHost);
#  - client side: the JMH client (CrossProcessBench.preimage100) against `pingpong host`.
# $1: java binary, $2: tag, $3...: extra JVM options (none, or native access for the raw-descriptor path).
run_half_pairs() {
  local java=$1 tag=$2; shift 2
  local key; key=$("$java" "$@" -cp "$JAR" io.fpp4j.bench.BenchData)
  for host in BenchHost RawEchoHost; do
    echo "== C client, Java $host ($tag)"
    "${PIN[@]}" "$PP" client 100 "$C_ITERS" $((C_ITERS / 10)) "$C_RUNS" "$key" "$java" "$@" -cp "$JAR" "io.fpp4j.bench.$host" \
      | tee "$OUT/half-$tag-$host.txt"
  done
  echo "== JMH client, C host ($tag)"
  local saved=("${JMH_EXTRA[@]}")
  JMH_EXTRA=(-jvmArgsAppend "$* -Dfpp4j.bench.hostCommand=$PP,host,100")
  run_jmh "$java" "$tag-chost" 'CrossProcessBench\.preimage100$'
  JMH_EXTRA=("${saved[@]}")
}

run_half_pairs java jdk-default

for jdk in "$@"; do
  tag=$(basename "$jdk")
  echo "== JMH on $("$jdk/bin/java" -version 2>&1 | head -1) (cross-process only; descriptor I/O through streams)"
  run_jmh "$jdk/bin/java" "$tag" '(CrossProcessBench|RawPipeBench)\.'
  run_half_pairs "$jdk/bin/java" "$tag"
  # JDK 22+ with native access: fpp4j's channels on both sides read and write the raw descriptors (RawFdIo).
  if [ "$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')" -ge 22 ]; then
    echo "== JMH on $tag, descriptor I/O through java.lang.foreign (--enable-native-access)"
    JMH_EXTRA=(-jvmArgsAppend --enable-native-access=ALL-UNNAMED)
    run_jmh "$jdk/bin/java" "$tag-rawfd" '(CrossProcessBench|RawPipeBench)\.'
    JMH_EXTRA=()
    run_half_pairs "$jdk/bin/java" "$tag-rawfd" --enable-native-access=ALL-UNNAMED
  fi
done

echo "== C ping-pong (after)"
run_c after
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/machine.txt"

echo
python3 - "$OUT" <<'EOF'
import glob, json, os, re, statistics, sys

out = sys.argv[1]

# C: every run's median, pooled over the runs before and after JMH; the baseline is the median of those.
c_runs = {}
for f in sorted(glob.glob(os.path.join(out, "c-*.txt"))):
    for line in open(f):
        m = re.match(r"run \d+: mode=(\w+) payload=(\d+) .*median_us=([\d.]+) mean_us=([\d.]+)", line)
        if m:
            c_runs.setdefault((m[1], int(m[2])), []).append((float(m[3]), float(m[4])))
c = {k: (statistics.median(x[0] for x in v), statistics.median(x[1] for x in v),
         min(x[0] for x in v), max(x[0] for x in v)) for k, v in c_runs.items()}

print("C ping-pong (median of %d runs, before and after JMH):" % len(next(iter(c_runs.values()))))
print("  %-7s %-8s %10s %10s %17s" % ("mode", "payload", "median us", "mean us", "run medians"))
for (mode, size), (med, mean, lo, hi) in sorted(c.items(), key=lambda kv: (kv[0][1], kv[0][0])):
    print("  %-7s %-8s %10.3f %10.3f %8.3f..%-8.3f" % (mode, size, med, mean, lo, hi))
print()

def payload(name):
    return 131072 if "128k" in name else (100 if "100" in name else None)

rows = []
for f in sorted(glob.glob(os.path.join(out, "jmh-*.json"))):
    jdk = os.path.basename(f)[4:-5]
    for r in json.load(open(f)):
        name = r["benchmark"].replace("io.fpp4j.bench.", "")
        if r.get("params"):
            name += "[" + ",".join(r["params"].values()) + "]"
        pm = r["primaryMetric"]
        rows.append((jdk + " " + r["jdkVersion"], name, pm["scorePercentiles"]["50.0"], pm["score"],
                     payload(name)))

print("Java (JMH sample mode, microseconds per round trip) and ratios to the C ping-pong's median:")
hdr = ("JDK", "benchmark", "median", "mean", "/C greedy", "/C exact")
print("  %-28s %-34s %8s %8s %9s %9s" % hdr)
for jdk, name, med, mean, size in rows:
    if jdk.split(" ")[0].endswith("-chost"):
        continue  # a half pair, listed below
    g = c.get(("greedy", size)); e = c.get(("exact", size))
    rg = "%.2fx" % (med / g[0]) if g else "-"
    re_ = "%.2fx" % (med / e[0]) if e else "-"
    print("  %-28s %-34s %8.3f %8.3f %9s %9s" % (jdk[:28], name, med, mean, rg, re_))

# Half pairs: the C client against a Java host, and the JMH client against the C host.
half = []
for f in sorted(glob.glob(os.path.join(out, "half-*.txt"))):
    tag, host = os.path.basename(f)[5:-4].rsplit("-", 1)
    for line in open(f):
        m = re.match(r"result: mode=greedy payload=100 median_us=([\d.]+)", line)
        if m:
            half.append((tag, "C client -> Java " + host, float(m[1])))
for jdk, name, med, mean, size in rows:
    if jdk.split(" ")[0].endswith("-chost"):
        half.append((jdk.split(" ")[0][:-6], "JMH client -> C host", med))
if half and ("greedy", 100) in c:
    g = c[("greedy", 100)][0]
    print()
    print("Half pairs, 100-byte answers (one side Java, the other C), ratio to C greedy on both sides:")
    for tag, what, med in half:
        print("  %-28s %-34s %8.3f %8.2fx" % (tag[:28], what, med, med / g))

goal = [r for r in rows if r[1] == "CrossProcessBench.preimage100" and not r[0].split(" ")[0].endswith("-chost")]
if goal and ("greedy", 100) in c:
    base = min(c[("greedy", 100)][0], c[("exact", 100)][0])
    print()
    for jdk, name, med, mean, size in goal:
        ratio = med / base
        print("goal (cross-process 100-byte round trip within 1.10x of the faster C mode): %s %.3f us / %.3f us = %.2fx -> %s"
              % (jdk, med, base, ratio, "MET" if ratio <= 1.10 else "MISSED"))
EOF
