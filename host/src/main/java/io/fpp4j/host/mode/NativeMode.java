package io.fpp4j.host.mode;

import io.fpp4j.fpvm.FaultProofProgram;
import io.fpp4j.fpvm.KernelInterface;
import io.fpp4j.fpvm.ProgramEntry;
import io.fpp4j.host.HostServer;
import io.fpp4j.host.ModeResult;
import io.fpp4j.preimage.ChannelPair;
import io.fpp4j.preimage.Channels;
import io.fpp4j.preimage.DirectOracle;
import io.fpp4j.preimage.HintWriter;
import io.fpp4j.preimage.OracleClient;
import io.fpp4j.preimage.OracleReader;
import io.fpp4j.preimage.PreimageServer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a Java program in this process against the host (kona-host {@code --native}, op-program without
 * {@code --exec}), on a thread of its own named {@code fpp4j-native-program}.
 *
 * <p>By default ({@link Transport#DIRECT}) the program's oracle calls the host's fetchers and hint router on
 * the program's thread ({@link DirectOracle}): a request is a method call, with no thread hand-off. The other
 * transports keep the plain ABI on two channel pairs, with the server on the calling thread: when the program
 * returns its ends are closed, which ends the server; when the server fails it closes its ends, which makes the
 * program fail (exit 2). A direct session ends the same way, and its outcome reads the same.
 */
public final class NativeMode {
  /** How the program reaches the host: directly, or over a kind of channel. */
  public enum Transport {
    /** No channels: the program calls the host's fetchers directly (the default). */
    DIRECT,
    /** Two anonymous OS pipes per channel, as the peers' {@code BidirectionalChannel}s. */
    OS_PIPE,
    /** In-JVM byte pipes, no system calls. */
    MEMORY
  }

  private NativeMode() {}

  public static ModeResult run(FaultProofProgram program, HostServer server, Transport transport, KernelInterface stdio) {
    if (transport == Transport.DIRECT) return runDirect(program, server, stdio);
    ChannelPair hints = open(transport);
    ChannelPair preimages = open(transport);
    AtomicInteger exit = new AtomicInteger(-1);
    Thread programThread = new Thread(() -> {
      try {
        OracleClient oracle = OracleClient.of(new OracleReader(preimages.client()), new HintWriter(hints.client()));
        exit.set(ProgramEntry.execute(program, oracle, stdio));
      } finally {
        closeQuietly(hints.client());
        closeQuietly(preimages.client());
      }
    }, "fpp4j-native-program");
    programThread.start();
    PreimageServer.Outcome serve = server.serve(hints.host(), preimages.host());
    try {
      programThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ModeResult(null, serve, new IllegalStateException("interrupted while waiting for the in-process program", e));
    }
    return new ModeResult(exit.get(), serve, null);
  }

  private static ModeResult runDirect(FaultProofProgram program, HostServer server, KernelInterface stdio) {
    DirectOracle oracle = server.direct();
    AtomicInteger exit = new AtomicInteger(-1);
    // A thread of its own all the same: the program keeps the name and the fresh stack it has with channels.
    Thread programThread = new Thread(() -> exit.set(ProgramEntry.execute(program, oracle, stdio)), "fpp4j-native-program");
    programThread.start();
    try {
      programThread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ModeResult(null, oracle.outcome(), new IllegalStateException("interrupted while waiting for the in-process program", e));
    }
    return new ModeResult(exit.get(), oracle.outcome(), null);
  }

  private static ChannelPair open(Transport transport) {
    return transport == Transport.MEMORY ? Channels.inMemoryPair() : Channels.osPipePair();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // the channel may already be closed by the server's failure
    }
  }
}
