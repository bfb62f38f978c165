package io.fpp4j.host.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scrape of a metrics endpoint over HTTP, as Prometheus makes it, read from the text exposition format:
 * each sample line {@code name{labels} value} becomes an entry keyed by {@code name{labels}} exactly as written.
 */
public record Scrape(String text, Map<String, Double> samples) {

  /** GETs {@code http://127.0.0.1:port/metrics}; fails unless the answer is HTTP 200. */
  public static Scrape of(int port) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) throw new IOException("metrics endpoint answered HTTP " + r.statusCode() + ": " + r.body());
    return parse(r.body());
  }

  static Scrape parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) continue;
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return new Scrape(text, Map.copyOf(samples));
  }

  /** The value of sample {@code key} ({@code name} or {@code name{label="value",...}}); fails naming it if absent. */
  public double value(String key) {
    Double v = samples.get(key);
    if (v == null) throw new AssertionError("no sample " + key + " in the scrape:\n" + text);
    return v;
  }

  /** A sample's value as a count. */
  public long count(String key) {
    return Math.round(value(key));
  }

  /** A free TCP port on the loopback interface, as far as one can tell without holding it. */
  public static int freePort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
