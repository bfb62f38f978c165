#!/usr/bin/env bash
# Issue 15's wall-time comparison: fpp4j's host against op-program's own host, both serving op-program's client.
#
#   interop/compare-hosts.sh [--repeat N] [--warmup N] [--jdk DIR] [--out DIR]
#
# The same op-program v1.19.0 client proves the real devnet claim (fp-tests-devnet's basic-success and
# basic-faulty-claim, prepared by testkit's DevnetFixture into interop/target/devnet-fixture) offline from the
# same prepared preimages, under two hosts given the same flags, as op-challenger would pass them:
#   op-program    op-program v1.19.0's own host (op-program-host), built by interop/setup-peers.sh
#   fpp4j         bin/op-program, fpp4j's drop-in launcher for op-program's host
# with
#   --l1.head H --l2.head H --l2.outputroot R --l2.claim C --l2.blocknumber N --l2.custom
#   --rollup.config F --l2.genesis F --l1.chainconfig F --datadir DATA --data.format file --exec CLIENT
# Each round runs both hosts on both cases, alternating (op-program first in odd rounds, fpp4j first in even
# ones), so that a change in the machine's load falls on both alike. --warmup rounds (default 1) are not counted:
# they fill the page cache and let the launcher make its class-data archive, as every later run finds it.
# Every run's exit is checked (0 on basic-success, 1 on basic-faulty-claim); anything else stops the script.
# Peers are never built here: a missing one stops the script (exit 3) naming the setup command.
#
# Printed: each host's median wall time over the counted runs of both cases, and fpp4j's ratio to op-program's
# (issue 15's goal: at most 1.0). --jdk runs fpp4j's launcher on that JDK (default: the java on PATH); the
# op-program host is Go and does not care. Raw times go to --out (default interop/target/compare-hosts).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

repeat=5 warmup=1 out="$here/target/compare-hosts" jdk=""
usage() { sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//' >&2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) repeat="${2:?--repeat needs a count}"; shift 2 ;;
    --warmup) warmup="${2:?--warmup needs a count}"; shift 2 ;;
    --jdk) jdk="${2:?--jdk needs a JDK directory}"; shift 2 ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "compare-hosts: unknown argument '$1'" >&2; usage; exit 2 ;;
  esac
done
case "$repeat" in '' | *[!0-9]* | 0) echo "compare-hosts: --repeat must be a positive whole number, not '$repeat'" >&2; exit 2 ;; esac
case "$warmup" in '' | *[!0-9]*) echo "compare-hosts: --warmup must be a whole number, not '$warmup'" >&2; exit 2 ;; esac
if [ -n "$jdk" ]; then
  [ -x "$jdk/bin/java" ] || { echo "compare-hosts: --jdk $jdk has no bin/java" >&2; exit 2; }
  export PATH="$jdk/bin:$PATH"
fi

die() { echo "compare-hosts: $*" >&2; exit 1; }

cache="${XDG_CACHE_HOME:-$HOME/.cache}/fpp4j"
op_host="$cache/op-program/v1.19.0/op-program-host"
op_client="$cache/op-program/v1.19.0/op-program-client"
[ -x "$op_host" ] && [ -x "$op_client" ] || {
  echo "compare-hosts: op-program v1.19.0 is not built ($op_host, $op_client); run: interop/setup-peers.sh op-program" >&2
  exit 3
}
java_version="$(java -version 2>&1 | head -1)" || die "no java on PATH"

# ---- the prepared devnet proof ----
. "$here/lib/devnet.bash"
devnet_prepare
get() { devnet_get "$@"; }
fixture="$here/target/devnet-fixture"
data_dir="$(get data_dir)"
# op-program's local keys 1 (L1 head) and 2 (agreed output root) of a case; the agreed L2 head is the block hash
# that ends the output root's preimage (version, state root, message-passer storage root, block hash).
key_of() { sed -n "s/^ *\"$2\" *: *\"\(0x[0-9a-fA-F]*\)\".*/\1/p" "$(get "${1}_op_program_local_keys")"; }
l1_head="$(key_of basic_success 1)"
agreed_root="$(key_of basic_success 2)"
root_file="$data_dir/0x02${agreed_root:4}.txt"
[ -f "$root_file" ] || die "the prepared data has no preimage of the agreed output root $agreed_root ($root_file)"
root_hex="$(tr -d '[:space:]' <"$root_file")"
[ "${#root_hex}" = 256 ] || die "the agreed output root's preimage is not 128 bytes ($root_file)"
l2_head="0x${root_hex:192:64}"

mkdir -p "$out"
times="$out/times.tsv"
printf 'host\tcase\tround\twall_ms\texit\n' >"$times"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

run_one() {
  local host=$1 case=$2 round=$3 key bin log start end rc expected
  key="${case//-/_}"
  expected="$(get "${key}_expected_status")"
  case "$host" in op-program) bin="$op_host" ;; fpp4j) bin="$root/bin/op-program" ;; esac
  log="$out/$host-$case-$round"
  start="$(now_ms)"
  set +e
  env -u OP_PROGRAM_LOG_LEVEL "$bin" --l1.head "$l1_head" --l2.head "$l2_head" --l2.outputroot "$agreed_root" \
    --l2.claim "$(get "${key}_claim")" --l2.blocknumber "$(get "${key}_claim_block")" --l2.custom \
    --rollup.config "$fixture/rollup.json" --l2.genesis "$fixture/l2-genesis.json" \
    --l1.chainconfig "$fixture/l1-chain-config.json" --datadir "$data_dir" --data.format file --exec "$op_client" \
    </dev/null >"$log.out" 2>"$log.err"
  rc=$?
  set -e
  end="$(now_ms)"
  [ "$rc" = "$expected" ] || die "$host on $case (round $round): exit $rc, expected $expected; see $log.err"
  printf '  %-10s %-19s round %-3s exit %s  wall %6d ms\n' "$host" "$case" "$round" "$rc" $((end - start)) >&2
  case "$round" in w*) ;; *) printf '%s\t%s\t%s\t%d\t%d\n' "$host" "$case" "$round" $((end - start)) "$rc" >>"$times" ;; esac
}

echo "compare-hosts: $java_version; fixture $data_dir; $warmup warm-up and $repeat counted rounds" >&2
for ((r = 1; r <= warmup + repeat; r++)); do
  if [ "$r" -le "$warmup" ]; then round="w$r"; else round=$((r - warmup)); fi
  if (( r % 2 )); then order=(op-program fpp4j); else order=(fpp4j op-program); fi
  for c in basic-success basic-faulty-claim; do
    for h in "${order[@]}"; do run_one "$h" "$c" "$round"; done
  done
done

awk -F'\t' -v java="$java_version" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  FNR == 1 { next }
  { wall[$1] = wall[$1] " " $4; n[$1]++; lo[$1] = (lo[$1] == "" || $4 < lo[$1]) ? $4 : lo[$1]; hi[$1] = $4 > hi[$1] ? $4 : hi[$1] }
  END {
    printf "Devnet proof, op-program v1.19.0 client, %d counted runs per host; fpp4j on %s\n", n["fpp4j"], java
    printf "%-12s %12s %16s\n", "host", "median ms", "range ms"
    for (h in wall) printf "%-12s %12.0f %9d..%-6d\n", h, median(wall[h]), lo[h], hi[h]
    printf "fpp4j / op-program (median wall): %.2fx\n", median(wall["fpp4j"]) / median(wall["op-program"])
  }' "$times"
