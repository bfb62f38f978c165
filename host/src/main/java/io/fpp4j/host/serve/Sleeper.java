package io.fpp4j.host.serve;

import java.time.Duration;

/** Waits between fetch attempts; tests substitute a fake that advances a fake clock. */
@FunctionalInterface
interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;
}
