package dev.setpoint.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Prometheus' side of {@code /metrics} on the EAR test server (and on AnalyticsGroupIT's second
 * analytics server, which has the same password): the scraper's user and this run's password
 * ({@code it.metrics.password}, made per run in ear/pom.xml, as the server's {@code
 * metrics.password}), over the HTTPS base URL with {@link Edge#client()}, which trusts exactly the
 * test server's certificate.
 */
public final class Scraper {
  /** The scraper's user name, server.xml's default {@code metrics.user}. */
  public static final String USER = "metrics";

  private static final HttpClient CLIENT =
      Edge.client().connectTimeout(Duration.ofSeconds(5)).build();

  private Scraper() {}

  /** {@code GET <BASE><path>} with the scraper's credential. */
  public static HttpResponse<String> get(String path) throws Exception {
    return send(Edge.BASE, path, password());
  }

  /**
   * {@code GET <base><path>} with the scraper's credential, of another test server of this run
   * (AnalyticsGroupIT's second analytics server: same certificate, same password).
   */
  public static HttpResponse<String> get(String base, String path) throws Exception {
    return send(base, path, password());
  }

  /** {@code GET <BASE><path>} as an anonymous caller. */
  public static HttpResponse<String> anonymous(String path) throws Exception {
    return send(Edge.BASE, path, null);
  }

  /** {@code GET <BASE><path>} with the scraper's user and the given password. */
  public static HttpResponse<String> withPassword(String path, String password) throws Exception {
    return send(Edge.BASE, path, password);
  }

  private static HttpResponse<String> send(String base, String path, String password)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(15));
    if (password != null) {
      String basic = USER + ":" + password;
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String password() {
    String password = System.getProperty("setpoint.it.metrics.password", "");
    if (password.isBlank()) {
      throw new IllegalStateException("setpoint.it.metrics.password is not set (ear/pom.xml)");
    }
    return password;
  }
}
