package io.fpp4j.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.fpvm.ExitCode;
import io.fpp4j.host.serve.FetchStats;
import io.fpp4j.preimage.PreimageServer;

/**
 * The end summary of a run as one JSON object on one line ({@code --summary-json}), for scripts and log
 * collectors: the same facts as {@link RunOutcome#summary()}, under fixed field names. Absent facts are JSON
 * {@code null}, never left out, so every line has every field.
 *
 * <pre>
 * {"mode":"exec","claim":"...","verdict":"valid","programExit":0,"exitCode":0,"exitMeaning":"valid claim",
 *  "served":{"preimages":4,"bytes":92,"hints":1,"hintBytes":80},
 *  "fetched":{"fetches":0,"failedFetches":0,"retries":0,"preimages":0,"bytes":0},
 *  "elapsedMillis":412,"hostFailure":null,"note":null}
 * </pre>
 */
public final class SummaryJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SummaryJson() {}

  /** The summary of {@code outcome} as one line of JSON, without a line break. */
  public static String line(RunOutcome outcome) {
    try {
      return JSON.writeValueAsString(node(outcome));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the summary as JSON: " + e.getMessage(), e);
    }
  }

  static ObjectNode node(RunOutcome o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("mode", o.mode().label());
    n.put("claim", o.claim());
    n.put("verdict", verdict(o));
    n.put("programExit", o.programExit());
    int code = o.exitCode();
    n.put("exitCode", code);
    n.put("exitMeaning", o.mode() == Mode.SERVER && code == 0 ? "served until the program closed its channels" : HostExitCode.describe(code));
    PreimageServer.Outcome serve = o.serve();
    if (serve == null) {
      n.putNull("served");
    } else {
      n.putObject("served").put("preimages", serve.stats().preimageRequests()).put("bytes", serve.stats().preimageBytes())
          .put("hints", serve.stats().hints()).put("hintBytes", serve.stats().hintBytes());
    }
    FetchStats f = o.fetch();
    n.putObject("fetched").put("fetches", f.fetches()).put("failedFetches", f.failedFetches()).put("retries", f.retries())
        .put("preimages", f.preimagesFetched()).put("bytes", f.bytesFetched());
    n.put("elapsedMillis", o.elapsed().toMillis());
    n.put("hostFailure", o.hostFailure() == null ? null : o.hostFailure().getMessage());
    n.put("note", o.peerProblem() == null ? null : o.peerProblem().getMessage());
    return n;
  }

  /** valid, invalid, failure (the program's own verdicts), program-failure (any other exit code) or none. */
  private static String verdict(RunOutcome o) {
    Integer exit = o.programExit();
    if (exit == null) return "none";
    return switch (exit) {
      case ExitCode.VALID -> "valid";
      case ExitCode.INVALID -> "invalid";
      case ExitCode.FAILURE -> "failure";
      default -> "program-failure";
    };
  }
}
