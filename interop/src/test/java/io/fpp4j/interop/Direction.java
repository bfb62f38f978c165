package io.fpp4j.interop;

import io.fpp4j.interop.Peers.Kind;

/** A column of the conformance matrix: who serves, who asks, and how the Java side runs. */
enum Direction {
  JAVA_HOST_RUST_CLIENT(Kind.JAVA, true, Kind.RUST, "Java host → Rust client"),
  RUST_HOST_JAVA_CLIENT(Kind.RUST, false, Kind.JAVA, "Rust host → Java client"),
  JAVA_HOST_GO_CLIENT(Kind.JAVA, true, Kind.GO, "Java host → Go client"),
  GO_HOST_JAVA_CLIENT(Kind.GO, false, Kind.JAVA, "Go host → Java client"),
  JAVA_FD_HOST_RUST_CLIENT(Kind.JAVA, false, Kind.RUST, "Java host on fds 3-6 → Rust client"),
  JAVA_FD_HOST_GO_CLIENT(Kind.JAVA, false, Kind.GO, "Java host on fds 3-6 → Go client"),
  RUST_HOST_GO_CLIENT(Kind.RUST, false, Kind.GO, "Rust host → Go client (control)"),
  GO_HOST_RUST_CLIENT(Kind.GO, false, Kind.RUST, "Go host → Rust client (control)");

  final Kind host;
  /** The Java host runs in the test JVM and spawns the client (exec mode), rather than as a child on fds 3-6. */
  final boolean hostInProcess;
  final Kind client;
  final String label;

  Direction(Kind host, boolean hostInProcess, Kind client, String label) {
    this.host = host;
    this.hostInProcess = hostInProcess;
    this.client = client;
    this.label = label;
  }

  @Override
  public String toString() {
    return label;
  }
}
