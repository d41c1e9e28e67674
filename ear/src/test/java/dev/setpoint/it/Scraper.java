package dev.setpoint.it;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Prometheus' side of {@code /metrics} on the EAR test server: the scraper's user and this run's
 * password ({@code it.metrics.password}, made per run in ear/pom.xml, as the server's {@code
 * metrics.password}). Liberty serves an authenticated {@code /metrics} over HTTPS only and
 * redirects plain HTTP there; the client follows that redirect and trusts exactly the test server's
 * own certificate (the one in the keystore Liberty generated for it).
 */
public final class Scraper {
  /** The scraper's user name, server.xml's default {@code metrics.user}. */
  public static final String USER = "metrics";

  private static volatile HttpClient client;

  /** Where Liberty redirected /metrics to, once it did; null while BASE answers itself. */
  private static volatile String httpsBase;

  private Scraper() {}

  /** {@code GET <BASE><path>} with the scraper's credential. */
  public static HttpResponse<String> get(String path) throws Exception {
    return send(path, password());
  }

  /** {@code GET <BASE><path>} as an anonymous caller (a redirect to HTTPS followed). */
  public static HttpResponse<String> anonymous(String path) throws Exception {
    return send(path, null);
  }

  /** {@code GET <BASE><path>} with the scraper's user and the given password. */
  public static HttpResponse<String> withPassword(String path, String password) throws Exception {
    return send(path, password);
  }

  /**
   * Sends to {@code BASE + path}; a redirect to HTTPS (BASE is plain HTTP) is followed here, with
   * the credential: the JDK's client drops {@code Authorization} on a redirect to another origin.
   */
  private static HttpResponse<String> send(String path, String password) throws Exception {
    String base = httpsBase;
    if (base != null) {
      return send(URI.create(base + path), password);
    }
    HttpResponse<String> answer = send(URI.create(Edge.BASE + path), password);
    String location = answer.headers().firstValue("Location").orElse("");
    if (answer.statusCode() / 100 == 3 && location.startsWith("https://")) {
      URI https = URI.create(location);
      // the same server's HTTPS origin: later calls go there at once (FaultToleranceIT polls fast)
      httpsBase = https.getScheme() + "://" + https.getAuthority();
      answer = send(https, password);
    }
    return answer;
  }

  private static HttpResponse<String> send(URI uri, String password) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15));
    if (password != null) {
      String basic = USER + ":" + password;
      request.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
    }
    return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String password() {
    String password = System.getProperty("setpoint.it.metrics.password", "");
    if (password.isBlank()) {
      throw new IllegalStateException("setpoint.it.metrics.password is not set (ear/pom.xml)");
    }
    return password;
  }

  private static HttpClient client() throws Exception {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .sslContext(trustingTheTestServer())
              .build();
    }
    return client;
  }

  /** An SSL context that trusts the test server's own certificate and nothing else. */
  private static SSLContext trustingTheTestServer() throws Exception {
    Path server =
        Path.of(
            System.getProperty("setpoint.it.wlp.dir"),
            "usr/servers",
            System.getProperty("setpoint.it.server.name"));
    String storePassword =
        Files.readAllLines(server.resolve("server.env")).stream()
            .filter(line -> line.startsWith("keystore_password="))
            .map(line -> line.substring("keystore_password=".length()).strip())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no keystore_password in server.env"));
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(server.resolve("resources/security/key.p12"))) {
      keys.load(in, storePassword.toCharArray());
    }
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    Certificate own = keys.getCertificate("default");
    trusted.setCertificateEntry("setpoint-it", own);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
