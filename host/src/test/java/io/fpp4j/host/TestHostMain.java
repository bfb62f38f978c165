package io.fpp4j.host;

import io.fpp4j.host.cli.HostWiring;
import io.fpp4j.host.cli.Main;

/** The fpp4j CLI with the test stores wired in, for a host run as a child process (server mode). */
public final class TestHostMain {
  public static void main(String[] args) {
    int code = Main.run(args, HostWiring.defaults().withStores(TestStores.opener()));
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }
}
