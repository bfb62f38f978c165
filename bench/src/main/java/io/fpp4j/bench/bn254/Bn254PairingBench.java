package io.fpp4j.bench.bn254;

import io.fpp4j.precompiles.PrecompileFailure;
import io.fpp4j.precompiles.bn254.Bn254;
import io.fpp4j.precompiles.bn254.Bn254Pairing;
import io.fpp4j.precompiles.bn254.Fp;
import io.fpp4j.precompiles.bn254.Fp2;
import io.fpp4j.precompiles.bn254.Point;
import io.fpp4j.precompiles.bn254.ReferenceBn254Pairing;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
 * Precompile 0x08 on 1, 2 and 4 valid pairs ([a]G1, [b]G2 for seeded a, b), end to end from the input
 * bytes (decoding, the G2 subgroup checks, the Miller loop, the final exponentiation): {@code fast} is
 * {@link Bn254Pairing}, {@code reference} the affine BigInteger version kept in precompiles' test jar.
 * {@code java -jar bench/target/benchmarks.jar Bn254PairingBench -wi 3 -i 5 -f 1}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Bn254PairingBench {
  @Param({"1", "2", "4"})
  int pairs;

  private final Bn254Pairing precompile = new Bn254Pairing();
  private byte[] input;

  @Setup
  public void setUp() throws PrecompileFailure {
    Random random = new Random(42);
    input = new byte[192 * pairs];
    for (int i = 0; i < pairs; i++) {
      Point<Fp> p = Bn254.G1.multiply(Bn254.G1_GENERATOR, new BigInteger(250, random));
      Point<Fp2> q = Bn254.TWIST.multiply(Bn254.G2_GENERATOR, new BigInteger(250, random));
      int at = 192 * i;
      put(p.x().value(), at);
      put(p.y().value(), at + 32);
      put(q.x().im().value(), at + 64);
      put(q.x().re().value(), at + 96);
      put(q.y().im().value(), at + 128);
      put(q.y().re().value(), at + 160);
    }
    if (!Arrays.equals(precompile.run(input), ReferenceBn254Pairing.run(input))) {
      throw new IllegalStateException("fast and reference pairings disagree on the bench input");
    }
  }

  private void put(BigInteger v, int at) {
    byte[] b = v.toByteArray();
    int n = Math.min(b.length, 32);
    System.arraycopy(b, b.length - n, input, at + 32 - n, n);
  }

  @Benchmark
  public byte[] fast() throws PrecompileFailure {
    return precompile.run(input);
  }

  @Benchmark
  public byte[] reference() throws PrecompileFailure {
    return ReferenceBn254Pairing.run(input);
  }
}
