# Sourced by interop's comparison scripts: prepares the real devnet proof (fp-tests-devnet) with testkit's
# PrepareDevnetFixture into interop/target/devnet-fixture, and reads what it printed with `devnet_get NAME`
# (data_dir, basic_success_claim, basic_success_claim_block, ..._op_program_local_keys, ...).
# Needs: $root (the repository), $here (interop/), and a die() that prints and exits.
devnet_prepare() {
  local shared="${FPP4J_SHARED:-$root/../shared}" host_cp
  [ -f "$root/host/target/classpath.txt" ] && compgen -G "$root/host/target/host-*.jar" >/dev/null \
    || die "fpp4j's host is not built; run: mvn -B -DskipTests package -pl host -am"
  host_cp="$(compgen -G "$root/host/target/host-*.jar" | head -1):$(cat "$root/host/target/classpath.txt")"
  devnet_layout="$(java -cp "$host_cp" io.fpp4j.testkit.devnet.PrepareDevnetFixture "$shared/fixtures/fp-tests-devnet" \
    "$here/target/devnet-fixture")" \
    || die "could not prepare the devnet fixture from $shared/fixtures/fp-tests-devnet (FPP4J_SHARED names the shared directory)"
}

devnet_get() {
  local v
  v="$(printf '%s\n' "$devnet_layout" | sed -n "s/^$1=//p")"
  [ -n "$v" ] || die "PrepareDevnetFixture printed no $1"
  printf '%s' "$v"
}
