package io.fpp4j.host.online;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fpp4j.host.metrics.HostMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A JSON-RPC 2.0 client over HTTP (the JDK's {@link HttpClient}, Jackson for JSON). One request per call;
 * every request has a timeout; every failure is an {@link RpcException} naming the method and the endpoint.
 * Each call is timed into a {@link HostMetrics} under the endpoint's label and the method. Thread-safe.
 */
final class JsonRpcClient {
  /** Default limit for one call, connection included: generous for {@code debug_executePayload}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  private static final int QUOTE_LIMIT = 200;

  private final URI endpoint;
  private final String name;
  private final HttpClient http;
  private final Duration timeout;
  private final ObjectMapper mapper;
  private final AtomicLong ids = new AtomicLong();
  private final String label;
  private final HostMetrics metrics;

  /**
   * @param name what the endpoint is, for messages (e.g. {@code L1 execution node})
   * @throws IllegalArgumentException if {@code endpoint} is not an http(s) URL
   */
  public JsonRpcClient(String endpoint, String name, Duration timeout) {
    this(endpoint, name, timeout, "rpc", HostMetrics.NONE);
  }

  /**
   * @param label the endpoint's metrics label ({@code l1}, {@code l2}, ...)
   * @param metrics told the time and outcome of every call
   */
  public JsonRpcClient(String endpoint, String name, Duration timeout, String label, HostMetrics metrics) {
    this.endpoint = HttpEndpoints.parse(endpoint, name);
    this.name = name;
    this.timeout = timeout;
    this.http = HttpEndpoints.client(timeout);
    this.mapper = new ObjectMapper();
    this.label = label;
    this.metrics = metrics;
  }

  public JsonRpcClient(String endpoint, String name) {
    this(endpoint, name, DEFAULT_TIMEOUT);
  }

  /** The endpoint, for messages. */
  public String endpoint() {
    return endpoint.toString();
  }

  /** Calls {@code method}; a JSON {@code null} result comes back as a {@link com.fasterxml.jackson.databind.node.NullNode}. */
  public JsonNode call(String method, Object... params) throws RpcException {
    return call(method, Arrays.asList(params));
  }

  public JsonNode call(String method, List<?> params) throws RpcException {
    long start = System.nanoTime();
    boolean ok = false;
    try {
      JsonNode result = send(method, params);
      ok = true;
      return result;
    } finally {
      metrics.rpcCall(label, method, System.nanoTime() - start, ok);
    }
  }

  private JsonNode send(String method, List<?> params) throws RpcException {
    long id = ids.incrementAndGet();
    ObjectNode request = mapper.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    ArrayNode p = request.putArray("params");
    for (Object param : params) p.add(mapper.valueToTree(param));
    String body;
    try {
      body = mapper.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode the parameters of " + method + ": " + e.getMessage(), e);
    }
    HttpRequest req = HttpRequest.newBuilder(endpoint).timeout(timeout)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw new RpcException(where(method) + " timed out after " + timeout.toMillis() + " ms", e);
    } catch (IOException e) {
      throw new RpcException(where(method) + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RpcException(where(method) + " was interrupted", e);
    }
    if (resp.statusCode() != 200) {
      throw new RpcException(where(method) + " answered HTTP " + resp.statusCode() + ": " + quote(resp.body()), null,
          resp.statusCode(), null);
    }
    JsonNode answer;
    try {
      answer = mapper.readTree(resp.body());
    } catch (IOException e) {
      throw new RpcException(where(method) + " answered with invalid JSON: " + quote(resp.body()), e);
    }
    if (answer == null || !answer.isObject()) {
      throw new RpcException(where(method) + " answered with " + quote(resp.body()) + ", not a JSON-RPC response object", null);
    }
    JsonNode error = answer.get("error");
    if (error != null && !error.isNull()) {
      Integer code = error.path("code").isIntegralNumber() ? error.get("code").asInt() : null;
      String message = error.path("message").asText(error.toString());
      throw new RpcException(where(method) + " returned error " + (code == null ? "" : code + " ") + "\"" + quote(message) + "\"",
          code, resp.statusCode(), null);
    }
    JsonNode result = answer.get("result");
    if (result == null) {
      throw new RpcException(where(method) + " answered without a result: " + quote(resp.body()), null);
    }
    return result;
  }

  /** Calls {@code method} and fails, naming {@code what}, if the result is null. */
  public JsonNode callNonNull(String what, String method, Object... params) throws RpcException {
    JsonNode r = call(method, params);
    if (r.isNull()) throw new RpcException(name + " " + endpoint + " does not have " + what + " (" + method + " returned null)", null);
    return r;
  }

  private String where(String method) {
    return method + " on " + name + " " + endpoint;
  }

  static String quote(String s) {
    if (s == null) return "";
    return s.length() <= QUOTE_LIMIT ? s : s.substring(0, QUOTE_LIMIT) + "... (" + s.length() + " chars)";
  }

  @Override
  public String toString() {
    return name + " " + endpoint;
  }
}
