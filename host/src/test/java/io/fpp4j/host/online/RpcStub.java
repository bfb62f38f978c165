package io.fpp4j.host.online;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP server on 127.0.0.1 (ephemeral port) answering JSON-RPC calls and beacon GETs from answers
 * the test registers. It records every call. Unregistered methods get JSON-RPC error -32601, unregistered
 * paths HTTP 404.
 */
final class RpcStub implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An answer to one call: a result, or a JSON-RPC error thrown as {@link RpcError}. */
  @FunctionalInterface
  interface Method {
    JsonNode answer(ArrayNode params) throws Exception;
  }

  /** Makes the stub answer with a JSON-RPC error object. */
  static final class RpcError extends Exception {
    final int code;

    RpcError(int code, String message) {
      super(message);
      this.code = code;
    }
  }

  /** A beacon GET answer: HTTP status and body. */
  record Get(int status, String body) {}

  record Call(String method, ArrayNode params) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final Map<String, Method> methods = new ConcurrentHashMap<>();
  private final Map<String, Get> gets = new ConcurrentHashMap<>();
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  /** Beacon paths (without query) whose next GETs fail, with how many are left to fail. */
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  /** When set, every POST gets this answer instead of a JSON-RPC one. */
  volatile Get rawPost;

  RpcStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::serve);
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  RpcStub on(String method, Method answer) {
    methods.put(method, answer);
    return this;
  }

  RpcStub get(String pathAndQuery, int status, String body) {
    gets.put(pathAndQuery, new Get(status, body));
    return this;
  }

  /** The next {@code times} GETs of {@code path} (query ignored) answer HTTP {@code status}, then the registered answer. */
  RpcStub failNext(String path, int times, int status) {
    failures.put(path, times);
    failureStatus = status;
    return this;
  }

  private volatile int failureStatus = 503;

  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      if (ex.getRequestMethod().equals("GET")) {
        String p = ex.getRequestURI().toString();
        paths.add(p);
        Integer left = failures.computeIfPresent(ex.getRequestURI().getPath(), (k, n) -> n - 1);
        if (left != null && left >= 0) {
          send(ex, failureStatus, "{\"code\":" + failureStatus + ",\"message\":\"failing as the test asked\"}");
          return;
        }
        Get g = gets.get(p);
        if (g == null) g = gets.get(ex.getRequestURI().getPath());
        if (g == null) g = new Get(404, "{\"code\":404,\"message\":\"no answer registered for " + p + "\"}");
        send(ex, g.status(), g.body());
        return;
      }
      Get raw = rawPost;
      if (raw != null) {
        ex.getRequestBody().readAllBytes();
        send(ex, raw.status(), raw.body());
        return;
      }
      JsonNode req = JSON.readTree(ex.getRequestBody());
      String method = req.path("method").asText();
      ArrayNode params = req.has("params") ? (ArrayNode) req.get("params") : JSON.createArrayNode();
      calls.add(new Call(method, params));
      ObjectNode resp = JSON.createObjectNode().put("jsonrpc", "2.0").set("id", req.get("id"));
      Method m = methods.get(method);
      try {
        if (m == null) throw new RpcError(-32601, "the method " + method + " does not exist/is not available");
        resp.set("result", m.answer(params));
      } catch (RpcError e) {
        resp.putObject("error").put("code", e.code).put("message", e.getMessage());
      }
      send(ex, 200, JSON.writeValueAsString(resp));
    } catch (Exception e) {
      send(ex, 500, "stub failure: " + e);
    }
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
