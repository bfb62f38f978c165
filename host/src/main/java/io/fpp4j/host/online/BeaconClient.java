package io.fpp4j.host.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fpp4j.host.metrics.HostMetrics;
import io.fpp4j.primitives.Hex;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The few calls of the beacon node REST API a host needs for blobs: the genesis time and slot length (read
 * once, then kept), and the blobs of a slot, from the newer {@code /eth/v1/beacon/blobs/{slot}} or, where a
 * node lacks that, {@code /eth/v1/beacon/blob_sidecars/{slot}}. Each request is timed into a {@link HostMetrics}
 * under endpoint {@code beacon} and its route without the slot. Thread-safe.
 */
final class BeaconClient {
  /** One blob as a beacon node lists it; the commitment only when the node sends one (sidecars). */
  public record BeaconBlob(byte[] blob, byte[] commitment, Long index) {}

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;
  private final ObjectMapper mapper = new ObjectMapper();
  private volatile long genesisTime = -1;
  private volatile long secondsPerSlot = -1;
  private final HostMetrics metrics;

  /** @throws IllegalArgumentException if {@code endpoint} is not an http(s) URL */
  public BeaconClient(String endpoint, Duration timeout) {
    this(endpoint, timeout, HostMetrics.NONE);
  }

  /** @param metrics told the time and outcome of every request */
  public BeaconClient(String endpoint, Duration timeout, HostMetrics metrics) {
    this.metrics = metrics;
    String trimmed = endpoint == null ? null : endpoint.trim();
    while (trimmed != null && trimmed.endsWith("/")) trimmed = trimmed.substring(0, trimmed.length() - 1);
    this.base = HttpEndpoints.parse(trimmed, "L1 beacon node");
    this.timeout = timeout;
    this.http = HttpEndpoints.client(timeout);
  }

  public String endpoint() {
    return base.toString();
  }

  /** {@code data.genesis_time} of {@code /eth/v1/beacon/genesis}. */
  public long genesisTime() throws RpcException {
    long t = genesisTime;
    if (t < 0) {
      JsonNode data = get("/eth/v1/beacon/genesis").path("data");
      genesisTime = t = unsigned(data, "genesis_time", "/eth/v1/beacon/genesis");
    }
    return t;
  }

  /** {@code data.SECONDS_PER_SLOT} of {@code /eth/v1/config/spec}. */
  public long secondsPerSlot() throws RpcException {
    long s = secondsPerSlot;
    if (s < 0) {
      JsonNode data = get("/eth/v1/config/spec").path("data");
      s = unsigned(data, "SECONDS_PER_SLOT", "/eth/v1/config/spec");
      if (s == 0) throw new RpcException("beacon node " + base + " reports SECONDS_PER_SLOT 0", null);
      secondsPerSlot = s;
    }
    return s;
  }

  /**
   * The slot whose block has execution timestamp {@code timestamp}: {@code (timestamp - genesis) / slot length}.
   *
   * @throws IllegalArgumentException if the timestamp is before the beacon chain's genesis
   */
  public long slotAt(long timestamp) throws RpcException {
    long genesis = genesisTime();
    if (Long.compareUnsigned(timestamp, genesis) < 0) {
      throw new IllegalArgumentException("L1 timestamp " + Long.toUnsignedString(timestamp) + " is before the beacon genesis time "
          + genesis + " of " + base);
    }
    return Long.divideUnsigned(timestamp - genesis, secondsPerSlot());
  }

  /**
   * The blobs of {@code slot}. Asks {@code /eth/v1/beacon/blobs/{slot}} (filtered to {@code versionedHash}
   * where the node supports it); if that path fails, asks {@code /eth/v1/beacon/blob_sidecars/{slot}}.
   */
  public List<BeaconBlob> blobs(long slot, byte[] versionedHash) throws RpcException {
    String slotText = Long.toUnsignedString(slot);
    try {
      JsonNode data = get("/eth/v1/beacon/blobs/" + slotText + "?versioned_hashes=" + Hex.prefixed(versionedHash)).path("data");
      if (!data.isArray()) throw new RpcException("beacon node " + base + " /eth/v1/beacon/blobs/" + slotText + " has no data array", null);
      List<BeaconBlob> out = new ArrayList<>();
      for (JsonNode b : data) out.add(new BeaconBlob(hex(b, "/eth/v1/beacon/blobs data item"), null, null));
      return out;
    } catch (RpcException blobsFailed) {
      try {
        return sidecars(slotText);
      } catch (RpcException sidecarsFailed) {
        sidecarsFailed.addSuppressed(blobsFailed);
        throw new RpcException("beacon node " + base + " gave no blobs for slot " + slotText + ": " + blobsFailed.getMessage()
            + "; and " + sidecarsFailed.getMessage(), sidecarsFailed);
      }
    }
  }

  private List<BeaconBlob> sidecars(String slot) throws RpcException {
    String path = "/eth/v1/beacon/blob_sidecars/" + slot;
    JsonNode data = get(path).path("data");
    if (!data.isArray()) throw new RpcException("beacon node " + base + " " + path + " has no data array", null);
    List<BeaconBlob> out = new ArrayList<>();
    for (JsonNode s : data) {
      out.add(new BeaconBlob(hex(s.get("blob"), path + " blob"), hex(s.get("kzg_commitment"), path + " kzg_commitment"),
          unsigned(s, "index", path)));
    }
    return out;
  }

  private JsonNode get(String path) throws RpcException {
    long start = System.nanoTime();
    boolean ok = false;
    try {
      JsonNode answer = send(path);
      ok = true;
      return answer;
    } finally {
      metrics.rpcCall("beacon", route(path), System.nanoTime() - start, ok);
    }
  }

  /** The path without its slot and query: a metrics label must not take a new value per request. */
  static String route(String path) {
    String p = path;
    int query = p.indexOf('?');
    if (query >= 0) p = p.substring(0, query);
    for (String prefix : new String[] {"/eth/v1/beacon/blobs/", "/eth/v1/beacon/blob_sidecars/"}) {
      if (p.startsWith(prefix)) return prefix.substring(0, prefix.length() - 1);
    }
    return p;
  }

  private JsonNode send(String path) throws RpcException {
    URI uri = URI.create(base + path);
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new RpcException("GET " + uri + " (beacon node) timed out after " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new RpcException("GET " + uri + " (beacon node) failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException("GET " + uri + " (beacon node) was interrupted", e);
    }
    if (resp.statusCode() != 200) {
      throw new RpcException("GET " + uri + " (beacon node) answered HTTP " + resp.statusCode() + ": "
          + JsonRpcClient.quote(resp.body()), null, resp.statusCode(), null);
    }
    try {
      return mapper.readTree(resp.body());
    } catch (IOException e) {
      throw new RpcException("GET " + uri + " (beacon node) answered with invalid JSON: " + JsonRpcClient.quote(resp.body()), e);
    }
  }

  private byte[] hex(JsonNode n, String what) throws RpcException {
    if (n == null || !n.isTextual()) throw new RpcException("beacon node " + base + ": " + what + " is not a hex string", null);
    try {
      return Hex.decodePrefixed(n.asText());
    } catch (IllegalArgumentException e) {
      throw new RpcException("beacon node " + base + ": " + what + " is not valid hex: " + e.getMessage(), e);
    }
  }

  /** Beacon API numbers are decimal strings; accept JSON numbers too. */
  private long unsigned(JsonNode parent, String field, String path) throws RpcException {
    JsonNode n = parent.get(field);
    try {
      if (n != null && n.isTextual()) return Long.parseUnsignedLong(n.asText());
      if (n != null && n.canConvertToLong() && n.asLong() >= 0) return n.asLong();
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new RpcException("beacon node " + base + " " + path + ": field " + field + " is missing or not an unsigned number: " + n, null);
  }
}
