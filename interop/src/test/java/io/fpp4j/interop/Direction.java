package io.fpp4j.interop;

import io.fpp4j.interop.Peers.Kind;

/** A column of the conformance matrix: who serves, who asks, and how the Java host runs. */
enum Direction {
  JAVA_HOST_RUST_CLIENT(Kind.JAVA, HostMode.JAVA_LOOPS, Kind.RUST, "Java host → Rust client"),
  RUST_HOST_JAVA_CLIENT(Kind.RUST, HostMode.PROCESS, Kind.JAVA, "Rust host → Java client"),
  JAVA_HOST_GO_CLIENT(Kind.JAVA, HostMode.JAVA_LOOPS, Kind.GO, "Java host → Go client"),
  GO_HOST_JAVA_CLIENT(Kind.GO, HostMode.PROCESS, Kind.JAVA, "Go host → Java client"),
  JAVA_SERVER_RUST_CLIENT(Kind.JAVA, HostMode.JAVA_PREIMAGE_SERVER, Kind.RUST, "Java PreimageServer → Rust client"),
  JAVA_SERVER_GO_CLIENT(Kind.JAVA, HostMode.JAVA_PREIMAGE_SERVER, Kind.GO, "Java PreimageServer → Go client"),
  JAVA_FD_HOST_RUST_CLIENT(Kind.JAVA, HostMode.PROCESS, Kind.RUST, "Java host on fds 3-6 → Rust client"),
  JAVA_FD_HOST_GO_CLIENT(Kind.JAVA, HostMode.PROCESS, Kind.GO, "Java host on fds 3-6 → Go client"),
  RUST_HOST_GO_CLIENT(Kind.RUST, HostMode.PROCESS, Kind.GO, "Rust host → Go client (control)"),
  GO_HOST_RUST_CLIENT(Kind.GO, HostMode.PROCESS, Kind.RUST, "Go host → Rust client (control)");

  /** How the host side runs. */
  enum HostMode {
    /** A peer program on descriptors 3 to 6, wired by the harness the way Cannon wires a host. */
    PROCESS,
    /** {@link ScenarioHost#serve} in the test JVM, spawning the client over {@code PipedProcess} (exec mode). */
    JAVA_LOOPS,
    /** {@link ScenarioHost#serveWithPreimageServer} in the test JVM: the server loop an fpp4j host runs. */
    JAVA_PREIMAGE_SERVER
  }

  final Kind host;
  final HostMode hostMode;
  final Kind client;
  final String label;

  Direction(Kind host, HostMode hostMode, Kind client, String label) {
    this.host = host;
    this.hostMode = hostMode;
    this.client = client;
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
