package io.fpp4j.bench.hash;

import io.fpp4j.primitives.Hashing;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * fpp4j's Keccak-256 ({@code Hashing.keccak256}, primitives' own sponge) against BouncyCastle's KeccakDigest, which
 * it replaced to keep bcprov's signed jar off every run's start-up: the replacement must not be slower once
 * compiled. Sizes: a key (32), one block (136), a typical trie branch node (532), a blob-sized preimage (128 KiB).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HashBench {
  @Param({"32", "136", "532", "131072"})
  public int size;

  byte[] data;
  final KeccakDigest bouncyCastle = new KeccakDigest(256);

  @Setup
  public void setup() {
    data = new byte[size];
    new SplittableRandom(1).nextBytes(data);
  }

  @Benchmark
  public byte[] fpp4j() {
    return Hashing.keccak256(data);
  }

  @Benchmark
  public byte[] bouncyCastle() {
    bouncyCastle.update(data, 0, data.length);
    byte[] out = new byte[32];
    bouncyCastle.doFinal(out, 0);
    return out;
  }
}
