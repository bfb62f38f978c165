#!/usr/bin/env bash
# Builds fpp4j and runs its main job end to end, offline, with no manual setup.
#
# Part 1, a real proof: fpp4j's host serves fpp4j's fault-proof program (io.fpp4j.client.FppProgram) the
# fp-tests-devnet data, one real op-program run on an OP devnet, found in ../shared/fixtures next to the repository.
#  1. `fpp4j devnet prepare` turns the fixture into a data directory, config files and local-key files.
#  2. `fpp4j host op-program ... --exec java -- ... FppProgram`, op-program's own host flags: the program derives
#     and executes the L2 blocks up to the claimed one and checks its output root; the claim holds, exit 0.
#  3. The same with the fixture's false claim: the program refutes it, exit 1.
# When ../shared/fixtures/fp-tests-devnet is absent, part 1 is skipped with a note, and the run still does part 2.
# FPP4J_DEVNET_FIXTURE names another fp-tests-devnet directory.
#
# Part 2, the SDK on generated data:
#  4. The chain-data generator writes a deterministic L1/L2 chain as preimages into the embedded store (RocksDB)
#     under target/main-job, with boot inputs for the bundled L2 state example.
#  5. The host runs that example as a child process with pipes on descriptors 3-6 (exec mode): the claim holds, exit 0.
#  6. The same with a claim that is one wei off: the program says why and the run exits 1.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -DskipTests package -pl host,examples,client -am
out="$PWD/target/main-job"
rm -rf "$out/db" "$out"/l2state-*.json "$out"/l1log-*.json
mkdir -p "$out"
java_bin="$(command -v java)"
devnet_src="${FPP4J_DEVNET_FIXTURE:-$(cd .. && pwd)/shared/fixtures/fp-tests-devnet}"
fpp_program=(-cp "$PWD/client/target/classes:$(cat client/target/classpath.txt)" io.fpp4j.client.FppProgram)
l2state_program=(-cp "$PWD/examples/target/classes:$(cat examples/target/classpath.txt)" io.fpp4j.examples.l2state.L2StateProgram)

status=0
results=()
# Shows a program's output line by line (a bash loop, so nothing is held back in a buffer), with each run of
# "dropping batch" lines (derivation skipping batches of blocks at or before the agreed one) shown as one line.
squeeze_dropped_batches() {
  local line n=0
  while IFS= read -r line; do
    if [[ $line == "derivation: dropping batch"* ]]; then
      n=$((n + 1))
      [ $n = 1 ] && echo "$line"
      continue
    fi
    [ $n -gt 1 ] && echo "derivation: ... and $((n - 1)) more batches dropped likewise"
    n=0
    echo "$line"
  done
  [ $n -gt 1 ] && echo "derivation: ... and $((n - 1)) more batches dropped likewise"
  return 0
}

# Runs a host command, prints its exit code and records whether it is the expected one.
run_host() {
  local label=$1 expected=$2 code
  shift 2
  set +e
  "$@" | squeeze_dropped_batches
  code=${PIPESTATUS[0]}
  set -e
  echo "exit code: $code (expected $expected)"
  results+=("$label: exit $code, expected $expected")
  [ "$code" = "$expected" ] || status=1
}

if [ -f "$devnet_src/basic-success/fixture.toml" ]; then
  echo "== 1. prepare the fp-tests-devnet fixture ($devnet_src)"
  ./fpp4j devnet prepare --source "$devnet_src" --out "$out/devnet"
  for case in basic-success basic-faulty-claim; do
    step=$([ $case = basic-success ] && echo 2 || echo 3)
    expected=$([ $case = basic-success ] && echo 0 || echo 1)
    mapfile -t flags < "$out/devnet/$case/op-program-host.args"
    echo
    echo "== $step. fpp4j's host with op-program's flags runs fpp4j's program as a child: $case"
    echo "(CLIENT_CLASSPATH: client/target/classes and the jars in client/target/classpath.txt)"
    echo "\$ ./fpp4j host op-program \\"
    printf '    %s %s \\\n' "${flags[@]#"$PWD/"}"
    echo "    --exec $java_bin -- -cp \$CLIENT_CLASSPATH io.fpp4j.client.FppProgram"
    run_host "devnet $case" "$expected" ./fpp4j host op-program "${flags[@]}" --exec "$java_bin" -- "${fpp_program[@]}"
  done
else
  echo "== 1-3. SKIPPED: the real devnet proof needs the shared fixture $devnet_src,"
  echo "   which is absent on this machine (it sits next to the repository on developer machines and in CI)."
  echo "   Running only part 2, the generated chain and the L2 state example."
  results+=("devnet proof: skipped, no $devnet_src")
fi

echo
echo "== 4. generate chain data"
./fpp4j chain generate --out "$out" --data-format rocksdb

for claim in valid invalid; do
  echo
  echo "== $([ $claim = valid ] && echo 5 || echo 6). host in exec mode, L2 state example, $claim claim"
  run_host "L2 state example, $claim claim" "$([ $claim = valid ] && echo 0 || echo 1)" \
    ./fpp4j host serve --data-dir "$out/db" --local-keys "$out/l2state-$claim.json" --exec "$java_bin" -- "${l2state_program[@]}"
done

echo
printf '  %s\n' "${results[@]}"
if [ $status = 0 ]; then
  echo "main job OK: every valid claim exited 0 and every false claim exited 1"
  [ -f "$devnet_src/basic-success/fixture.toml" ] || echo "(part 2 only: the real devnet proof was skipped, see step 1-3)"
else
  echo "main job FAILED: unexpected exit codes (see above)"
fi
exit $status
