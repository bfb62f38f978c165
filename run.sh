#!/usr/bin/env bash
# Builds fpp4j and runs its main job end to end on embedded data: no network, no setup.
#
#  1. The chain-data generator writes a deterministic L1/L2 chain as preimages into the embedded store
#     (RocksDB) under target/main-job, with boot inputs for the bundled L2 state example.
#  2. The host runs that example as a child process with pipes on descriptors 3-6 (exec mode), serving
#     local keys from the boot inputs and everything else from the store: the claim holds, exit 0.
#  3. The same with a claim that is one wei off: the program says why and the run exits 1.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -DskipTests package -pl host,examples -am
out="$PWD/target/main-job"
rm -rf "$out"
java_bin="$(command -v java)"
program=(-cp "$PWD/examples/target/classes:$(cat examples/target/classpath.txt)" io.fpp4j.examples.l2state.L2StateProgram)

echo "== 1. generate chain data"
./fpp4j chain generate --out "$out" --data-format rocksdb

status=0
for claim in valid invalid; do
  echo
  echo "== $([ $claim = valid ] && echo 2 || echo 3). host in exec mode, L2 state example, $claim claim"
  set +e
  ./fpp4j host serve --data-dir "$out/db" --local-keys "$out/l2state-$claim.json" --exec "$java_bin" -- "${program[@]}"
  code=$?
  set -e
  echo "exit code: $code"
  expected=$([ $claim = valid ] && echo 0 || echo 1)
  [ "$code" = "$expected" ] || status=1
done
echo
if [ $status = 0 ]; then
  echo "main job OK: the valid claim exited 0 and the wrong claim exited 1"
else
  echo "main job FAILED: unexpected exit codes (see above)"
fi
exit $status
