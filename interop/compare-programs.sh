#!/usr/bin/env bash
# Issue 14's wall-time comparison: fpp4j's program against the two peer programs on the real devnet proof.
#
#   interop/compare-programs.sh [--repeat N] [--warmup N] [--out DIR]
#
# fpp4j's host serves the devnet claim (fp-tests-devnet's basic-success and basic-faulty-claim, prepared by
# testkit's DevnetFixture into interop/target/devnet-fixture) offline from the prepared preimages, in exec mode,
# to each of three programs:
#   fpp4j            bin/fpp4j-program (the client module's FppProgram on the JVM), op-program's local keys
#   op-program       op-program v1.19.0's client, op-program's local keys
#   kona             interop/kona-program's fpp4j-kona-program (the published Kona crates), Kona's local keys
# The command is the same for all three:
#   ./fpp4j host serve --data-dir DATA --local-keys CASE/<dialect>-local-keys.json --exec PROGRAM --summary-json
# Each round runs every program on both cases, the programs interleaved (round i: fpp4j, op-program, kona on
# basic-success, then the same on basic-faulty-claim), so that a change in the machine's load falls on all
# three alike. --warmup rounds (default 1) go first and are not counted: they fill the page cache and let the
# launchers make their Class Data Sharing archive, or on JDK 25 their AOT cache (recorded by a launcher's first
# run, assembled by its second; bin/lib/cds.bash), as any later run finds it.
#
# Every run's verdict is checked: the host must exit 0 on basic-success and 1 on basic-faulty-claim, with the
# program's own exit (the host's summary) the same, and the program must have printed the true output root of the
# claimed block (op-program's client: output=ROOT in its "Validating claim" line; fpp4j's and Kona's: "output root
# of L2 block N: ROOT"); any other outcome stops the script (exit 1), naming the run's log. Peers are never built here: a missing one stops the script (exit 3) with the setup command to run.
# fpp4j's host and client must be built (mvn -B -DskipTests package), as the launchers would otherwise build
# them during the first timed run.
#
# Printed per program, medians over the counted runs of both cases:
#   wall       the whole command, from the shell: the host JVM's start, the program, the host's exit
#   program    the host's own timing of the run (summary elapsedMillis): opening the store, starting the program,
#              serving it to its exit. This is the program's wall time; the host's start-up is outside it.
#   per block  program / derived blocks (claimed block - agreed block; 1 on this fixture)
#   ratio      program and wall against the faster peer's (the lower of op-program's and kona's medians)
# and, apart, the JVM start-up of fpp4j's program: bin/fpp4j-program --version, which the launcher starts on
# the same JVM, class path and CDS archive, and which FppProgram refuses in main() (exit 2) before it opens a
# descriptor. That is the launcher plus the JVM up to and through main's argument check; the time the program then
# spends loading and compiling its own classes is part of "program", as it is for every run. The host JVM's start
# (./fpp4j --version, likewise) is shown for reference: it is the same for all three programs.
#
# Logs and the raw times (times.tsv: program, case, round, wall ms, program ms, exit) go to --out
# (default interop/target/compare-programs). JAVA: the `java` on PATH, as the launchers use it (FPP4J_AOT=0:
# JDK 25 with the CDS archive rather than the AOT cache).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

repeat=5 warmup=1 out="$here/target/compare-programs"
usage() { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) repeat="${2:?--repeat needs a count}"; shift 2 ;;
    --repeat=*) repeat="${1#*=}"; shift ;;
    --warmup) warmup="${2:?--warmup needs a count}"; shift 2 ;;
    --warmup=*) warmup="${1#*=}"; shift ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    --out=*) out="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare-programs: unknown argument '$1'" >&2; usage; exit 2 ;;
  esac
done
case "$repeat" in '' | *[!0-9]* | 0) echo "compare-programs: --repeat must be a positive whole number, not '$repeat'" >&2; exit 2 ;; esac
case "$warmup" in '' | *[!0-9]*) echo "compare-programs: --warmup must be a whole number, not '$warmup'" >&2; exit 2 ;; esac

die() { echo "compare-programs: $*" >&2; exit 1; }

# ---- the peers, where the interop tests find them (interop/setup-peers.sh puts them there) ----
cache="${XDG_CACHE_HOME:-$HOME/.cache}/fpp4j"
op_client="$cache/op-program/v1.19.0/op-program-client"
kona_program="$cache/cargo-target/kona-program/release/fpp4j-kona-program"
missing=0
if [ ! -x "$op_client" ]; then
  echo "compare-programs: op-program v1.19.0's client is not built ($op_client); run: interop/setup-peers.sh op-program" >&2
  missing=1
fi
if [ ! -x "$kona_program" ]; then
  echo "compare-programs: the kona-program peer is not built ($kona_program); run: interop/setup-peers.sh kona-program" >&2
  missing=1
fi
[ "$missing" = 0 ] || exit 3

# ---- fpp4j's host and client, built ----
for m in host client; do
  [ -f "$root/$m/target/classpath.txt" ] && compgen -G "$root/$m/target/$m-*.jar" >/dev/null \
    || die "fpp4j's $m module is not built; run: mvn -B -DskipTests package -pl host,client -am"
  # The launchers run target/classes instead of the jar when a class is newer, and then use no CDS archive.
  jar="$(compgen -G "$root/$m/target/$m-*.jar" | head -1)"
  if [ -n "$(find "$root/$m/target/classes" -type f -newer "$jar" -print -quit 2>/dev/null)" ]; then
    echo "compare-programs: warning: $m/target/classes is newer than its jar, so the launcher runs the classes without a CDS archive; repackage for representative start-up times" >&2
  fi
done
java_version="$(java -version 2>&1 | head -1)" || die "no java on PATH"

# ---- the prepared devnet proof ----
. "$here/lib/devnet.bash"
devnet_prepare
get() { devnet_get "$@"; }
data_dir="$(get data_dir)"
cases=(basic-success basic-faulty-claim)
true_root="$(get basic_success_claim)"
claim_block="$(get basic_success_claim_block)"

mkdir -p "$out"
times="$out/times.tsv"
printf 'program\tcase\tround\twall_ms\tprogram_ms\texit\n' >"$times"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# run_one PROGRAM CASE ROUND: one host run; checks its verdict; appends its times unless ROUND is a warm-up (w*).
run_one() {
  local prog=$1 case=$2 round=$3 key exec keys expected log start end rc summary pexit elapsed computed
  key="${case//-/_}"
  expected="$(get "${key}_expected_status")"
  case "$prog" in
    fpp4j) exec="$root/bin/fpp4j-program"; keys="$(get "${key}_op_program_local_keys")" ;;
    op-program) exec="$op_client"; keys="$(get "${key}_op_program_local_keys")" ;;
    kona) exec="$kona_program"; keys="$(get "${key}_kona_local_keys")" ;;
  esac
  log="$out/$prog-$case-$round"
  start="$(now_ms)"
  set +e
  "$root/fpp4j" host serve --data-dir "$data_dir" --local-keys "$keys" --exec "$exec" --summary-json \
    </dev/null >"$log.out" 2>"$log.err"
  rc=$?
  set -e
  end="$(now_ms)"
  summary="$(grep '^{"mode":' "$log.err" | tail -1)"
  pexit="$(printf '%s' "$summary" | sed -n 's/.*"programExit":\([0-9]*\).*/\1/p')"
  elapsed="$(printf '%s' "$summary" | sed -n 's/.*"elapsedMillis":\([0-9]*\).*/\1/p')"
  if [ "$rc" != "$expected" ] || [ "$pexit" != "$expected" ] || [ -z "$elapsed" ]; then
    die "$prog on $case (round $round): host exit $rc, program exit ${pexit:-none}, expected $expected for both; see $log.err and $log.out"
  fi
  # An exit code alone would pass a program that did nothing: each must also show the output root it computed for
  # the claimed block, the true one (basic-success's claim) in either case.
  case "$prog" in
    op-program) computed="output=$true_root" ;;
    *) computed="output root of L2 block $claim_block: $true_root" ;;
  esac
  grep -qF -- "$computed" "$log.out" "$log.err" \
    || die "$prog on $case (round $round): the program did not print '$computed'; see $log.err and $log.out"
  printf '  %-10s %-19s round %-3s exit %s  wall %6d ms  program %6d ms\n' "$prog" "$case" "$round" "$rc" \
    $((end - start)) "$elapsed" >&2
  case "$round" in w*) ;; *) printf '%s\t%s\t%s\t%d\t%d\t%d\n' "$prog" "$case" "$round" $((end - start)) "$elapsed" "$rc" >>"$times" ;; esac
}

# startup_one NAME COMMAND...: the wall time of a launcher run that stops in main (see above), into startup.tsv.
startup_one() {
  local name=$1 start end rc
  shift
  start="$(now_ms)"
  set +e
  "$@" </dev/null >"$out/startup-$name.out" 2>"$out/startup-$name.err"
  rc=$?
  set -e
  end="$(now_ms)"
  printf '%s\t%d\t%d\n' "$name" $((end - start)) "$rc" >>"$out/startup.tsv"
}

echo "compare-programs: $java_version; fixture $data_dir; $warmup warm-up and $repeat counted rounds" >&2
programs=(fpp4j op-program kona)
printf 'name\twall_ms\texit\n' >"$out/startup.tsv"
for ((r = 1; r <= warmup + repeat; r++)); do
  if [ "$r" -le "$warmup" ]; then round="w$r"; else round=$((r - warmup)); fi
  for c in "${cases[@]}"; do
    for p in "${programs[@]}"; do run_one "$p" "$c" "$round"; done
  done
  if [ "$r" -gt "$warmup" ]; then
    startup_one fpp4j-program "$root/bin/fpp4j-program" --version
    startup_one fpp4j-host "$root/fpp4j" --version
  fi
done

# The start-up probes must have stopped where they are meant to: FppProgram's argument check, the host's version.
grep -q 'unexpected arguments \[--version\]' "$out/startup-fpp4j-program.err" \
  || die "bin/fpp4j-program --version did not stop at FppProgram's argument check; see $out/startup-fpp4j-program.err"
awk -F'\t' '$1 == "fpp4j-program" && $3 != 2 { bad = 1 } $1 == "fpp4j-host" && $3 != 0 { bad = 1 } END { exit bad }' \
  "$out/startup.tsv" || die "a start-up probe exited unexpectedly; see $out/startup.tsv"

blocks=$(( $(get basic_success_claim_block) - $(get basic_success_agreed_block) ))
[ "$blocks" -gt 0 ] || die "the claim does not derive any block (agreed $(get basic_success_agreed_block), claimed $(get basic_success_claim_block))"

# ---- the summary ----
awk -F'\t' -v blocks="$blocks" -v repeat="$repeat" -v java="$java_version" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  FNR == 1 { next }
  FILENAME ~ /startup.tsv$/ { start[$1] = start[$1] " " $2; next }
  { wall[$1] = wall[$1] " " $4; prog[$1] = prog[$1] " " $5; n[$1]++ }
  END {
    for (p in wall) { mw[p] = median(wall[p]); mp[p] = median(prog[p]) }
    fw = mw["op-program"] < mw["kona"] ? mw["op-program"] : mw["kona"]
    fp = mp["op-program"] < mp["kona"] ? mp["op-program"] : mp["kona"]
    fastest = mp["op-program"] < mp["kona"] ? "op-program" : "kona"
    printf "Devnet proof, fpp4j host serve --exec, %d derived block(s), %d counted runs per program (%d rounds x 2 cases); %s\n", blocks, n["fpp4j"], repeat, java
    printf "%-11s %12s %14s %16s %14s %12s\n", "program", "wall ms", "program ms", "per block ms", "program / peer", "wall / peer"
    split("fpp4j op-program kona", order, " ")
    for (i = 1; i <= 3; i++) {
      p = order[i]
      printf "%-11s %12.0f %14.0f %16.0f %13.2fx %11.2fx\n", p, mw[p], mp[p], mp[p] / blocks, mp[p] / fp, mw[p] / fw
    }
    js = median(start["fpp4j-program"]); hs = median(start["fpp4j-host"])
    printf "fpp4j JVM start-up (bin/fpp4j-program --version: launcher + JVM to FppProgram.main'"'"'s argument check): %.0f ms median;\n", js
    printf "  fpp4j program without it: %.0f ms, %.2fx the faster peer (%s)\n", mp["fpp4j"] - js, (mp["fpp4j"] - js) / fp, fastest
    printf "host JVM start-up, the same for all three (./fpp4j --version): %.0f ms median\n", hs
    printf "goal (issue 14): fpp4j program at most 1.5x the faster peer: %s\n", mp["fpp4j"] <= 1.5 * fp ? "met" : "not met"
  }' "$out/startup.tsv" "$times"
echo "compare-programs: raw times in $times and $out/startup.tsv, logs in $out" >&2
