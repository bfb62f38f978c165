#!/usr/bin/env bash
# Builds fpp4j and runs its main job end to end on embedded data: no network, no setup.
# Today: a Java host serves a Java fault-proof program in a second process over OS pipes on
# descriptors 3-6, with hints and preimages of every key type, for a valid and a wrong claim.
set -euo pipefail
cd "$(dirname "$0")"
mvn -q -B -DskipTests package -pl examples -am
exec java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" io.fpp4j.examples.abi.AbiDemo "$@"
