#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this script).
#  1. builds the conformance peers (kona-preimage crate, op-preimage Go module), the reference block
#     executor (kona-executor crate), op-program v1.19.0 and the Kona peer program (kona-proof crates) from the
#     registries, and geth for the host's online test (Go module proxy); all cached under ~/.cache/fpp4j;
#  2. runs every module's tests on the default JDK (17);
#  3. runs them again on JDK 25 when one is installed (toolchains profile, same Java 17 bytecode).
set -euo pipefail
cd "$(dirname "$0")"
if [ -x interop/setup-peers.sh ]; then
  # 10: op-program's modules could not be downloaded; its tests skip and say so, the rest still runs.
  interop/setup-peers.sh || { rc=$?; [ "$rc" -eq 10 ] || exit "$rc"; echo "== setup-peers.sh: op-program not built (no module proxy): its tests will skip"; }
fi
# The Kona peer program: a cold build takes about 20 minutes, longer than a test may run, so it is built here.
if [ -x interop/setup-peers.sh ]; then
  interop/setup-peers.sh kona-program >/dev/null || echo "== setup-peers.sh kona-program failed (exit $?): KonaProgramTest will say why"
fi
# geth for the host's online test; the test builds it too, but a cold build is best done up front.
if [ -x host/scripts/setup-geth.sh ]; then
  host/scripts/setup-geth.sh >/dev/null || echo "== setup-geth.sh failed (exit $?): the host's online test will say why"
fi
# The Pebble helper (op-program's pebble data format); the store tests build it too, but once up front is cheaper.
if [ -x host/scripts/setup-pebble.sh ]; then
  host/scripts/setup-pebble.sh >/dev/null || echo "== setup-pebble.sh failed (exit $?): the Pebble store tests will say why"
fi
mvn -B -ntp verify
if compgen -G "/usr/lib/jvm/*25*" > /dev/null || compgen -G "/usr/lib/jvm/*-25*" > /dev/null; then
  echo "== JDK 25 found: running the suite again on it"
  mvn -B -ntp -Pjdk25 verify
else
  echo "== no JDK 25 installed: skipped the second run"
fi
