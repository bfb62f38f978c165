package io.fpp4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.fpp4j.interop.Peers.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The bench mode every peer offers for the performance comparison, and the harness's handling of dying peers. */
class PeerProcessTest {
  private static final Pattern BENCH = Pattern.compile("bench hint n=500 median_ns=[1-9][0-9]*\nbench get n=500 median_ns=[1-9][0-9]*\n");

  @BeforeAll
  @Timeout(value = 20, unit = TimeUnit.MINUTES)
  static void buildPeers() throws Exception {
    Peers.build();
  }

  private static String scenario(String name) {
    return Peers.scenarioDir().resolve(name + ".scn").toString();
  }

  private static Path runDir(String name) {
    return Peers.moduleDir().resolve("target/interop-runs/process-tests").resolve(name);
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  @Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
  void benchModeAgainstTheJavaHostPrintsBothMedians(Kind client) throws Exception {
    Peers.assumeAvailable(client);
    Scenario bench = Scenario.load(Path.of(scenario("bench")));
    Runs.Result r = Runs.javaHost(bench, Peers.command(client, "bench", scenario("bench"), "500"), runDir("bench-" + client));
    assertThat(r.notes()).isEmpty();
    assertThat(r.clientExit()).as("bench exit; stderr: %s", r.clientErr()).isZero();
    assertThat(r.clientOut()).matches(BENCH);
    assertThat(r.serverExit()).isZero();
    System.out.print(client.label + " client, Java host: " + r.clientOut().replace('\n', ' ') + "\n");
  }

  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"RUST", "GO"})
  @Timeout(value = 120, threadMode = ThreadMode.SEPARATE_THREAD)
  void javaBenchClientAgainstEachPeerHost(Kind host) throws Exception {
    Peers.assumeAvailable(host);
    Runs.Result r = Runs.pair(Peers.command(host, "server", scenario("bench")),
        Peers.command(Kind.JAVA, "bench", scenario("bench"), "500"), runDir("java-bench-" + host));
    assertThat(r.notes()).isEmpty();
    assertThat(r.clientExit()).as("bench exit; stderr: %s", r.clientErr()).isZero();
    assertThat(r.clientOut()).matches(BENCH);
    assertThat(r.serverExit()).as("server stderr: %s", r.serverErr()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  void aHostThatQuitsAtOnceLeavesTheClientWithEndOfStreamNotAHang(Kind client) throws Exception {
    Peers.assumeAvailable(client);
    // A "host" that opens its four descriptors (the shell does) and exits without serving.
    Runs.Result r = Runs.pair(List.of("/bin/sh", "-c", "exit 7", "sh"),
        Peers.command(client, "client", scenario("key-types")), runDir("host-quits-" + client));
    assertThat(r.notes()).containsExactly("server wrote no record file");
    assertThat(r.serverExit()).isEqualTo(7);
    assertThat(r.clientExit()).as("client stderr: %s", r.clientErr()).isEqualTo(ScenarioClient.ORACLE_FAILURE);
    assertThat(r.clientOut()).isEmpty();
    assertThat(r.clientErr()).contains("step 1");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  @Timeout(value = 60, threadMode = ThreadMode.SEPARATE_THREAD)
  void aClientThatQuitsAtOnceEndsTheHostCleanly(Kind host) throws Exception {
    Peers.assumeAvailable(host);
    List<String> quitter = List.of("/bin/sh", "-c", "exit 0", "sh");
    Runs.Result r = host == Kind.JAVA
        ? Runs.javaHost(Scenario.load(Path.of(scenario("key-types"))), quitter, runDir("client-quits-java"))
        : Runs.pair(Peers.command(host, "server", scenario("key-types")), quitter, runDir("client-quits-" + host));
    assertThat(r.notes()).isEmpty();
    assertThat(r.clientExit()).isZero();
    assertThat(r.serverExit()).as("server stderr: %s", r.serverErr()).isZero();
    assertThat(r.serverRecord()).isEmpty();
  }
}
