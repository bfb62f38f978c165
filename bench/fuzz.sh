#!/usr/bin/env bash
# Coverage-guided fuzzing of fpp4j's parsers with Jazzer, one target at a time.
#
#   bench/fuzz.sh TARGET|all MINUTES      e.g. bench/fuzz.sh rlp 10, bench/fuzz.sh all 10
#   bench/fuzz.sh list                    the targets and the @FuzzTest each one runs
#
# Each target is a Jazzer @FuzzTest in the module that owns the parser. A plain `mvn verify` replays its
# inputs directory, src/test/resources/<package>/<Class>Inputs/<method>/, as regression tests; here it runs
# with JAZZER_FUZZ=1, which makes Jazzer mutate from those inputs for MINUTES.
#
# Findings: Jazzer's JUnit integration writes the input of a crash (an exception the target does not
# expect, a failed assertion, an OutOfMemoryError) or a timeout as crash-<sha1> or timeout-<sha1> straight
# into that inputs directory in the source tree, so once committed it is replayed by every `mvn verify`.
# The script lists such new files at the end. The inputs Jazzer finds interesting along the way (its
# working corpus) go to <module>/.cifuzz-corpus/, which is git-ignored and reused by the next run.
#
# Limits while fuzzing: each input gets FUZZ_INPUT_TIMEOUT seconds (libFuzzer's -timeout, default 10), the
# JVM heap is FUZZ_HEAP (-Xmx, default 1g) so an allocation past the announced limits is an
# OutOfMemoryError finding, and JUnit's per-test limit is raised to cover the whole campaign (a fuzzing
# run is one JUnit invocation).
#
# Output: per target one line with the executions, executions per second and coverage (libFuzzer's
# "cov" = covered edges, "ft" = features, "corp" = working-corpus entries) from Jazzer's final stats line;
# all lines also go to bench/target/fuzz/results.tsv, and each full log to bench/target/fuzz/<target>.log.
#
# Runs targets strictly one after another: the machine is shared, and Jazzer allows one fuzz test per JVM.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/bench/target/fuzz"

# name  module  test class (from io.fpp4j.)  method
TARGETS="
rlp             primitives  primitives.rlp.RlpFuzzTest            strictDecode
transaction     primitives  primitives.EncodingFuzzTest           transaction
header          primitives  primitives.EncodingFuzzTest           header
receipt         primitives  primitives.EncodingFuzzTest           receipt
body            primitives  primitives.EncodingFuzzTest           bodyTransactions
trie-node       mpt         mpt.TrieFuzzTest                      nodeCodec
trie-proof      mpt         mpt.TrieFuzzTest                      proofVerification
preimage-server preimage    preimage.FramingFuzzTest              preimageServer
hint-server     preimage    preimage.FramingFuzzTest              hintServer
preimage-reader preimage    preimage.FramingFuzzTest              preimageReader
hints           proof       proof.ProofParsersFuzzTest            hints
rollup-config   proof       proof.ProofParsersFuzzTest            rollupConfig
chain-config    proof       proof.ProofParsersFuzzTest            chainConfig
agreed-prestate host        host.local.HostInputsFuzzTest         agreedPrestate
local-key-arg   host        host.local.HostInputsFuzzTest         localKeyArg
local-keys-file host        host.local.HostInputsFuzzTest         localKeysFile
store-directory host        host.store.StoreFuzzTest              directoryEntry
store-file      host        host.store.StoreFuzzTest              fileEntry
store-rocksdb   host        host.store.StoreFuzzTest              rocksDbEntry
frames          derive      derive.DeriveFuzzTest                 frames
blob-data       derive      derive.DeriveFuzzTest                 blobData
channel-reader  derive      derive.DeriveFuzzTest                 channelReader
singular-batch  derive      derive.DeriveFuzzTest                 singularBatch
span-batch      derive      derive.DeriveFuzzTest                 spanBatch
l1-info         derive      derive.DeriveFuzzTest                 l1InfoDeposit
config-log      derive      derive.DeriveFuzzTest                 systemConfigLog
evm-tx          executor    executor.TransactionDecodingFuzzTest  rawTransaction
"

usage() {
  echo "usage: $0 TARGET|all MINUTES   (or: $0 list)" >&2
  echo "targets: $(echo "$TARGETS" | awk 'NF {printf "%s ", $1}')" >&2
  exit 2
}

if [[ ${1:-} == list ]]; then
  echo "$TARGETS" | awk 'NF {printf "%-16s %-11s io.fpp4j.%s#%s\n", $1, $2, $3, $4}'
  exit 0
fi
[[ $# -eq 2 ]] || usage
WHICH=$1
MINUTES=$2
[[ $MINUTES =~ ^[0-9]+$ && $MINUTES -gt 0 ]] || { echo "MINUTES must be a positive whole number, got '$MINUTES'" >&2; exit 2; }
if [[ $WHICH != all ]] && ! echo "$TARGETS" | awk -v t="$WHICH" '$1 == t {found=1} END {exit !found}'; then
  echo "unknown target '$WHICH'" >&2
  usage
fi

INPUT_TIMEOUT=${FUZZ_INPUT_TIMEOUT:-10}
HEAP=${FUZZ_HEAP:-1g}
mkdir -p "$OUT"
[[ -f $OUT/results.tsv ]] || printf 'date\ttarget\tminutes\texecutions\texec_per_s\tcov\tft\tcorpus\tresult\n' > "$OUT/results.tsv"

run_one() {
  local name=$1 module=$2 class=io.fpp4j.$3 method=$4
  local inputs="$module/src/test/resources/$(dirname "${class//.//}")/$(basename "${class//.//}")Inputs/$method"
  local log="$OUT/$name.log"
  local before
  before=$(ls "$inputs" 2>/dev/null | grep -E '^(crash|timeout|slow-unit|oom)-' | sort || true)
  echo "== $name: $class#$method for $MINUTES min (inputs: $inputs)"
  local status=0
  JAZZER_FUZZ=1 mvn -B -pl "$module" -am test \
    -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="${MINUTES}m" -Dfpp4j.jazzer.hooks=true \
    -Djazzer.internal.arg.0=fpp4j-fuzz -Djazzer.internal.arg.1="-timeout=$INPUT_TIMEOUT" \
    -Dfpp4j.test.timeout="$((MINUTES * 60 + 600)) s" \
    -Dfpp4j.test.jvmArgs="-Xmx$HEAP" > "$log" 2>&1 || status=$?
  # libFuzzer's stats lines: "#<execs> <event> cov: <edges> ft: <features> corp: <n>/<size> ... exec/s: <rate> ..."
  local last execs cov ft corp rate
  last=$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -1 || true)
  execs=$(sed -nE 's/^Done ([0-9]+) runs in.*/\1/p' "$log" | tail -1)
  [[ -n $execs ]] || execs=$(sed -nE 's/^#([0-9]+).*/\1/p' <<< "$last")
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<< "$last")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<< "$last")
  corp=$(sed -nE 's/.* corp: ([0-9]+)\/.*/\1/p' <<< "$last")
  rate=$(sed -nE 's/.* exec\/s: ([0-9]+).*/\1/p' <<< "$last")
  local after new result
  after=$(ls "$inputs" 2>/dev/null | grep -E '^(crash|timeout|slow-unit|oom)-' | sort || true)
  new=$(comm -13 <(echo "$before") <(echo "$after") | sed '/^$/d' | tr '\n' ' ')
  if [[ -n $new ]]; then
    result="FINDING: $new(in $inputs)"
  elif [[ $status -ne 0 ]]; then
    result="FAILED (mvn exit $status, see $log)"
  else
    result=ok
  fi
  printf '%-16s %4s min  %12s execs  %7s exec/s  cov %5s  ft %6s  corpus %5s  %s\n' \
    "$name" "$MINUTES" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$name" "$MINUTES" "${execs:-}" "${rate:-}" \
    "${cov:-}" "${ft:-}" "${corp:-}" "$result" >> "$OUT/results.tsv"
  [[ -z $new && $status -eq 0 ]]
}

failed=0
while read -r name module class method; do
  [[ -n ${name:-} ]] || continue
  [[ $WHICH == all || $WHICH == "$name" ]] || continue
  run_one "$name" "$module" "$class" "$method" || failed=$((failed + 1))
done <<< "$TARGETS"
if [[ $failed -gt 0 ]]; then
  echo "$failed target(s) found something or failed; findings are in their inputs directories (commit them with the fix)" >&2
  exit 1
fi
