package io.fpp4j.host.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.host.cli.Main;
import io.fpp4j.host.store.KeyValueStore;
import io.fpp4j.host.store.PebbleHelper;
import io.fpp4j.host.store.PebbleHelperBuild;
import io.fpp4j.host.store.PebblePreimageStore;
import io.fpp4j.host.store.PreimageStores;
import io.fpp4j.host.store.StoreFormat;
import io.fpp4j.host.store.cli.StoreCommand;
import io.fpp4j.testkit.devnet.DevnetFixture;
import io.fpp4j.testkit.devnet.OpProgramOfflineFlags;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * fpp4j's Pebble stores against op-program v1.19.0's own host on the real devnet proof: {@code store convert} writes
 * the prepared data into a Pebble directory, op-program's host opens it ({@code --data.format pebble}, its own Pebble
 * v1.1.5 writing its own WAL, OPTIONS and MANIFEST on open) and serves its client, whose verdicts must be the
 * fixture's; then {@code store convert --from} the directory op-program left must give back every entry byte for
 * byte. Every preimage the client reads is hash-checked by it, so a single wrong byte would change the verdict.
 *
 * <p>op-program's binaries are built by {@code interop/setup-peers.sh op-program}, which test.sh runs before the
 * tests (and this test does not run: a cold build takes many minutes). Without them the test is skipped, naming the
 * command; test.sh lets that happen only when op-program's modules could not be downloaded.
 */
@Timeout(value = 600, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OpProgramPebbleTest {
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static DevnetFixture.Prepared prepared;
  private static Path opProgram;

  @TempDir Path tmp;

  @BeforeAll
  static void prepare() throws IOException {
    opProgram = opProgramBinaries();
    PebbleHelperBuild.helper();
    prepared = DevnetFixture.prepare(Path.of("target", "devnet-fixture"));
  }

  @Test
  void opProgramsHostServesAPebbleStoreFpp4jWroteAndFpp4jReadsBackWhatItLeft() throws Exception {
    Path pebble = tmp.resolve("pebble");
    Run there = store("convert", "--from", prepared.dataDir().toString(), "--to", pebble.toString(), "--to-format", "pebble");
    assertThat(there.exit()).as(there.err()).isZero();
    assertThat(Files.readString(pebble.resolve("kvformat"))).isEqualTo("pebble");
    Set<String> ours = names(pebble);

    for (DevnetFixture.Case c : List.of(prepared.basicSuccess(), prepared.basicFaultyClaim())) {
      OpRun run = opProgramHost(c, pebble);
      assertThat(run.exit()).as("op-program's host on %s (expected-status %d):%n%s", c.name(), c.expectedStatus(), tail(run.log()))
          .isEqualTo(c.expectedStatus());
    }
    // op-program's Pebble opened the database read-write: files fpp4j's helper did not write are now there.
    assertThat(names(pebble)).as("files after op-program's host ran").isNotEqualTo(ours);

    // fpp4j's own host on the directory op-program's Pebble left, serving the same client, with op-program's flags.
    for (DevnetFixture.Case c : List.of(prepared.basicSuccess(), prepared.basicFaultyClaim())) {
      List<String> cmd = new ArrayList<>(List.of(JAVA, "-cp", System.getProperty("java.class.path"),
          "-D" + PebbleHelper.PROPERTY + "=" + PebbleHelperBuild.helper(), Main.class.getName(), "host", "op-program"));
      OpRun run = run(c, cmd, pebble);
      assertThat(run.exit()).as("fpp4j's host on %s (expected-status %d):%n%s", c.name(), c.expectedStatus(), tail(run.log()))
          .isEqualTo(c.expectedStatus());
      assertThat(run.log()).contains("opened " + pebble + " as op-program's Pebble format through");
    }

    Path back = tmp.resolve("back");
    Run home = store("convert", "--from", pebble.toString(), "--to", back.toString(), "--to-format", "directory");
    assertThat(home.exit()).as(home.err()).isZero();
    long compared;
    try (KeyValueStore original = PreimageStores.openReadOnly(prepared.dataDir(), Optional.empty());
        KeyValueStore returned = PreimageStores.openReadOnly(back, Optional.empty())) {
      assertThat(returned.format()).isEqualTo(StoreFormat.DIRECTORY.marker());
      AtomicLong same = new AtomicLong();
      List<String> differing = new ArrayList<>();
      original.forEach((key, value) -> {
        Optional<byte[]> got = returned.getRaw(key);
        if (got.isPresent() && Arrays.equals(got.get(), value)) same.incrementAndGet();
        else if (differing.size() < 5) differing.add(key + (got.isEmpty() ? " missing" : " differs"));
      });
      assertThat(differing).as("entries not returned byte for byte").isEmpty();
      assertThat(same.get()).as("entries compared").isGreaterThan(24_000);
      assertThat(count(returned)).as("entries in the returned copy").isEqualTo(same.get());
      compared = same.get();
    }
    // Read directly too, as the host's open path does: no marker-less guessing, the helper on op-program's files.
    try (KeyValueStore direct = PreimageStores.openReadOnly(pebble, Optional.empty())) {
      assertThat(direct).isInstanceOf(PebblePreimageStore.class);
      assertThat(count(direct)).as("entries in op-program's Pebble directory").isEqualTo(compared);
    }
  }

  private record Run(int exit, String out, String err) {}

  private record OpRun(int exit, String log) {}

  private static Run store(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = StoreCommand.execute(o, e, args);
    }
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** op-program's host offline on {@code dataDir}, running op-program's client. */
  private OpRun opProgramHost(DevnetFixture.Case c, Path dataDir) throws IOException, InterruptedException {
    return run(c, new ArrayList<>(List.of(opProgram.resolve("op-program-host").toString())), dataDir);
  }

  /** {@code host} with op-program's flags for case {@code c}, offline on {@code dataDir}, running op-program's client. */
  private OpRun run(DevnetFixture.Case c, List<String> cmd, Path dataDir) throws IOException, InterruptedException {
    cmd.addAll(OpProgramOfflineFlags.of(prepared, OpProgramOfflineFlags.Inputs.of(c), dataDir, "pebble",
        opProgram.resolve("op-program-client")));
    Path log = Files.createTempFile(tmp, c.name(), ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    // An operator's OP_PROGRAM_* variables would add flags this run does not mean.
    pb.environment().keySet().removeIf(k -> k.startsWith("OP_PROGRAM_"));
    Process p = pb.start();
    if (!p.waitFor(300, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the host did not finish in 300 s: " + cmd + "\n" + tail(Files.readString(log, StandardCharsets.UTF_8)));
    }
    return new OpRun(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static String tail(String s) {
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }

  private static long count(KeyValueStore s) {
    AtomicLong n = new AtomicLong();
    s.forEach((k, v) -> n.incrementAndGet());
    return n.get();
  }

  private static Set<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /**
   * Where {@code interop/setup-peers.sh op-program} leaves op-program's host and client: the cache directory named
   * after the version interop/op-program/go.mod requires.
   */
  private static Path opProgramBinaries() throws IOException {
    Path root = Path.of(System.getProperty("user.dir"));
    Path goMod = root.resolve("../interop/op-program/go.mod");
    if (!Files.isRegularFile(goMod)) goMod = root.resolve("interop/op-program/go.mod");
    Matcher m = Pattern.compile("(?m)^require github.com/ethereum-optimism/optimism (v\\S+)$").matcher(Files.readString(goMod));
    if (!m.find()) throw new AssertionError(goMod + " does not require the optimism module");
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    Path dir = cache.resolve("fpp4j").resolve("op-program").resolve(m.group(1));
    for (String b : List.of("op-program-host", "op-program-client")) {
      Assumptions.assumeTrue(Files.isExecutable(dir.resolve(b)), () -> "op-program " + m.group(1) + " is not built ("
          + dir.resolve(b) + " is missing): run interop/setup-peers.sh op-program, as test.sh does");
    }
    return dir;
  }
}
