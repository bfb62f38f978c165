package io.fpp4j.interop;

import io.fpp4j.preimage.PreimageKey;
import io.fpp4j.primitives.Hashing;
import io.fpp4j.primitives.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What every correct pair of peers must produce for a scenario, derived from the scenario alone (FORMAT.md):
 * the client's stdout and exit status, and the server's record and exit status. Computed independently of
 * the fpp4j oracle classes, so a framing bug in them cannot hide in the expectation.
 */
record Expected(String clientOut, int clientExit, List<String> serverRecord, int serverExit, PreimageKey refusedKey) {
  static Expected of(Scenario scenario) {
    StringBuilder out = new StringBuilder();
    List<String> hintEvents = new ArrayList<>();
    List<String> keyEvents = new ArrayList<>();
    boolean refused = false;
    for (Scenario.Step step : scenario.steps()) {
      if (step instanceof Scenario.Hint hint) {
        byte[] b = hint.bytes();
        out.append("hint-acked ").append(b.length).append('\n');
        if (!isUtf8(b)) {
          hintEvents.add("hint-invalid-utf8");
        } else if (new String(b, StandardCharsets.UTF_8).startsWith("reject")) {
          hintEvents.add("hint-rejected 0x" + Hex.encode(b));
        } else {
          hintEvents.add("hint 0x" + Hex.encode(b));
        }
        continue;
      }
      PreimageKey key = ((Scenario.Get) step).key();
      String keyHex = "0x" + Hex.encode(key.bytes());
      keyEvents.add("key " + keyHex);
      if (key.equals(scenario.refusedKey())) {
        refused = true;
        break;
      }
      byte[] data = scenario.preimages().get(key);
      if (data == null) {
        throw new IllegalArgumentException("scenario " + scenario.name() + " gets " + keyHex
            + ", which has no preimage and no 'expect server-refuses' line");
      }
      out.append("get ").append(keyHex).append(' ').append(data.length).append(' ')
          .append(Hex.encode(Hashing.sha256(data))).append('\n');
    }
    if (scenario.refusedKey() != null && !refused) {
      throw new IllegalArgumentException("scenario " + scenario.name() + " expects the server to refuse "
          + scenario.refusedKey() + " but never gets it");
    }
    if (!refused) out.append("done\n");
    List<String> record = new ArrayList<>(hintEvents);
    record.addAll(keyEvents);
    return new Expected(out.toString(), refused ? 2 : 0, record, refused ? 1 : 0, scenario.refusedKey());
  }

  private static boolean isUtf8(byte[] b) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
