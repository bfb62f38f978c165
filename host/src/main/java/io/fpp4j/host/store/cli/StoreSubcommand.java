package io.fpp4j.host.store.cli;

import io.fpp4j.host.store.KeyValueStore;
import io.fpp4j.host.store.PreimageStores;
import io.fpp4j.host.store.StoreException;
import io.fpp4j.host.store.StoreFormat;
import io.fpp4j.host.store.UntypedKeccakStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Shared plumbing of the {@code store} subcommands: where output goes, how a store error becomes an exit
 * code, and how a source store is opened. {@link #run} is the entry point for callers that do not use
 * picocli's {@code execute}; {@link #call} is picocli's.
 */
abstract class StoreSubcommand implements Callable<Integer> {
  private final PrintStream out;
  private final PrintStream err;

  StoreSubcommand() {
    this(System.out, System.err);
  }

  StoreSubcommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Does the work: results to {@code out}, errors to {@code err}; returns one of the {@link StoreCommand} codes. */
  public final int run(PrintStream out, PrintStream err) {
    try {
      return execute(out, err);
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      return StoreCommand.USAGE;
    } catch (StoreException e) {
      err.println("error: " + e.getMessage());
      return StoreCommand.STORE_ERROR;
    }
  }

  @Override
  public final Integer call() {
    return run(out, err);
  }

  abstract int execute(PrintStream out, PrintStream err);

  /** Parses a format option, naming the option in the error (and explaining {@code pebble}). */
  static Optional<StoreFormat> format(String name, String option) {
    if (name == null) return Optional.empty();
    try {
      return Optional.of(StoreFormat.parse(name, "given by " + option));
    } catch (StoreException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Opens an existing store read-only, through the untyped-keccak adapter if asked. */
  static KeyValueStore openSource(Path dir, Optional<StoreFormat> format, boolean untypedKeccak) {
    KeyValueStore store = PreimageStores.openReadOnly(dir, format);
    if (!untypedKeccak) return store;
    try {
      return UntypedKeccakStore.over(store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** Bad command-line input that picocli's own checks do not catch. */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }
}
