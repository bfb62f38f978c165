package io.fpp4j.host.online;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;

/** URL checks and HTTP client settings shared by the JSON-RPC and beacon clients. */
final class HttpEndpoints {
  private static final Duration MAX_CONNECT = Duration.ofSeconds(10);

  private HttpEndpoints() {}

  static URI parse(String endpoint, String name) {
    if (endpoint == null || endpoint.isBlank()) throw new IllegalArgumentException("no URL given for the " + name);
    URI uri;
    try {
      uri = new URI(endpoint.trim());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the " + name + " URL '" + endpoint + "' is not a valid URL: " + e.getMessage(), e);
    }
    String scheme = uri.getScheme();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException("the " + name + " URL '" + endpoint + "' must be an http:// or https:// URL with a host");
    }
    return uri;
  }

  static HttpClient client(Duration timeout) {
    Duration connect = timeout.compareTo(MAX_CONNECT) < 0 ? timeout : MAX_CONNECT;
    // HTTP/1.1: plain-text nodes do not speak h2c, and the upgrade attempt only costs a round trip.
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connect)
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }
}
