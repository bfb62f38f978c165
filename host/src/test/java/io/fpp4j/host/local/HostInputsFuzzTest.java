package io.fpp4j.host.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.fpp4j.primitives.Hex;
import io.fpp4j.primitives.rlp.RlpWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The host's command-line inputs fed arbitrary bytes: {@code --local-key N=0xHEX}, the {@code --local-keys}
 * JSON file, and the agreed pre-state (a super root or a transition state). Inputs live under
 * {@code src/test/resources/io/fpp4j/host/local/HostInputsFuzzTestInputs/<method>/}.
 *
 * <p>The host reports bad command-line input as a plain {@link IllegalArgumentException} naming the flag
 * or file; a subtype leaking from a library (NumberFormatException, RlpException unwrapped) is a finding.
 */
class HostInputsFuzzTest {
  static final String SOURCE = "--l2.agreed-prestate";
  static final Path KEYS_FILE;

  static {
    try {
      KEYS_FILE = Files.createTempFile("fpp4j-fuzz-local-keys", ".json");
      KEYS_FILE.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void refusedByName(IllegalArgumentException e, String name) {
    assertThat(e.getClass()).isEqualTo(IllegalArgumentException.class);
    assertThat(e.getMessage()).contains(name);
  }

  /** The encoding of a parsed pre-state, rebuilt from its parts: both encodings are canonical. */
  static byte[] encode(AgreedPrestate p) {
    byte[] superRoot = encode(p.superRoot());
    if (!p.transition()) return superRoot;
    RlpWriter w = new RlpWriter().startList().writeBytes(superRoot).startList();
    for (AgreedPrestate.OptimisticBlock b : p.pending()) {
      w.startList().writeBytes32(b.blockHash()).writeBytes32(b.outputRoot()).endList();
    }
    byte[] rlp = w.endList().writeLong(p.step()).endList().toByteArray();
    byte[] out = new byte[1 + rlp.length];
    out[0] = (byte) AgreedPrestate.TRANSITION_STATE_VERSION;
    System.arraycopy(rlp, 0, out, 1, rlp.length);
    return out;
  }

  static byte[] encode(AgreedPrestate.SuperRoot s) {
    byte[] out = new byte[9 + 64 * s.outputs().size()];
    out[0] = (byte) AgreedPrestate.SUPER_ROOT_VERSION;
    for (int i = 0; i < 8; i++) out[1 + i] = (byte) (s.timestamp() >>> (56 - 8 * i));
    int off = 9;
    for (AgreedPrestate.ChainOutput o : s.outputs()) {
      byte[] id = o.chainId().toByteArray(); // big-endian, maybe with a sign byte: right-align into 32 bytes
      int n = Math.min(id.length, 32);
      System.arraycopy(id, id.length - n, out, off + 32 - n, n);
      System.arraycopy(o.outputRoot().toArray(), 0, out, off + 32, 32);
      off += 64;
    }
    return out;
  }

  @FuzzTest(maxDuration = "10m")
  void agreedPrestate(byte[] data) {
    AgreedPrestate p;
    try {
      p = AgreedPrestate.parse(data, SOURCE);
    } catch (IllegalArgumentException e) {
      refusedByName(e, SOURCE);
      return;
    }
    assertThat(encode(p)).isEqualTo(data);
    assertThat(p.bytes()).isEqualTo(data);
  }

  /** An accepted {@code N=0xHEX} gives back N and the bytes, whatever the case and prefix of the hex. */
  @FuzzTest(maxDuration = "10m")
  void localKeyArg(byte[] data) {
    String arg = new String(data, StandardCharsets.UTF_8);
    Map.Entry<Long, byte[]> e;
    try {
      e = LocalKeyArgs.parseArg(arg);
    } catch (IllegalArgumentException ex) {
      refusedByName(ex, "--local-key");
      return;
    }
    String canonical = Long.toUnsignedString(e.getKey()) + "=0x" + Hex.encode(e.getValue());
    Map.Entry<Long, byte[]> again = LocalKeyArgs.parseArg(canonical);
    assertThat(again.getKey()).isEqualTo(e.getKey());
    assertThat(again.getValue()).isEqualTo(e.getValue());
    assertThat(arg.substring(arg.indexOf('=') + 1).replaceFirst("^0[xX]", "").toLowerCase(java.util.Locale.ROOT))
        .isEqualTo(Hex.encode(e.getValue()));
  }

  /** The file as written by a user or another tool: any bytes at all. */
  @FuzzTest(maxDuration = "10m")
  void localKeysFile(byte[] data) throws IOException {
    Files.write(KEYS_FILE, data);
    LocalInputs inputs;
    try {
      inputs = LocalKeyArgs.readFile(KEYS_FILE);
    } catch (IllegalArgumentException e) {
      refusedByName(e, "--local-keys file " + KEYS_FILE);
      return;
    }
    // Written back in the documented form, the same keys come back with the same values.
    StringBuilder json = new StringBuilder("{");
    for (Map.Entry<Long, byte[]> e : inputs.asMap().entrySet()) {
      if (json.length() > 1) json.append(',');
      json.append('"').append(Long.toUnsignedString(e.getKey())).append("\":\"0x").append(Hex.encode(e.getValue())).append('"');
    }
    Files.writeString(KEYS_FILE, json.append('}'));
    Map<Long, byte[]> again = LocalKeyArgs.readFile(KEYS_FILE).asMap();
    assertThat(again.keySet()).isEqualTo(inputs.asMap().keySet());
    again.forEach((k, v) -> assertThat(v).isEqualTo(inputs.asMap().get(k)));
  }
}
