package dev.setpoint.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.it.Edge;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An attacker on the hub's LAN listening for, or talking, plain HTTP: the server answers HTTP on
 * loopback only, HTTPS on the LAN, and every answer, pages, APIs, errors, health and metrics,
 * carries the security headers (issue 19, "TLS by default" and "Headers").
 */
class TransportAttackIT {
  private static final int HTTP_PORT = Integer.getInteger("setpoint.it.http.port");
  private static final int HTTPS_PORT = Integer.getInteger("setpoint.it.https.port");
  private static final HttpClient HTTPS =
      Edge.client().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void serverUp() {
    Edge.awaitReady(Duration.ofSeconds(180));
  }

  @Test
  void plaintextFromANonLoopbackAddressIsRefused() throws Exception {
    InetAddress lan = lanAddress();
    // The port is open, on loopback: the refusal below is the binding, not a server that is down.
    assertEquals(200, plain("127.0.0.1").statusCode());
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(lan, 0));
      ConnectException refused =
          assertThrows(
              ConnectException.class,
              () -> socket.connect(new InetSocketAddress(lan, HTTP_PORT), 5_000),
              "plain HTTP answered on " + lan.getHostAddress() + ":" + HTTP_PORT);
      assertNotNull(refused);
    }
    assertThrows(ConnectException.class, () -> plain(lan.getHostAddress()));
  }

  @Test
  void httpsFromThatAddressWorks() throws Exception {
    InetAddress lan = lanAddress();
    Assumptions.assumeTrue(
        certificateNames(lan),
        "the test certificate does not name "
            + lan.getHostAddress()
            + " (the address appeared after ./setpoint test made it); HTTPS by that address is"
            + " not checked");
    HttpResponse<String> live =
        HTTPS.send(
            HttpRequest.newBuilder(URI.create(url(lan, HTTPS_PORT, "https") + "/health/live"))
                .timeout(Duration.ofSeconds(15))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, live.statusCode(), live.body());
    assertSecurityHeaders(live, true);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/analytics/dashboard/",
        "/analytics/dashboard/dashboard.js",
        "/api/v3/device/all as operator",
        "/api/v3/device/all",
        "/no-such-page",
        "/api/v3/no-such-resource",
        "/health",
        "/metrics"
      })
  void everyHeaderIsPresent(String what) throws Exception {
    String path = what.split(" ")[0];
    String token = what.endsWith(" as operator") ? Edge.operatorToken() : null;
    HttpResponse<String> response = Edge.get(Edge.BASE + path, token);
    switch (what) {
      case "/api/v3/device/all as operator" -> {
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(
            response
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/json"));
      }
      case "/api/v3/device/all" -> assertEquals(401, response.statusCode(), response.body());
      case "/no-such-page", "/api/v3/no-such-resource" ->
          assertEquals(404, response.statusCode(), response.body());
      case "/analytics/dashboard/", "/analytics/dashboard/dashboard.js" ->
          assertEquals(200, response.statusCode());
      case "/health" -> assertFalse(response.body().isEmpty(), "/health answered nothing");
      // /metrics may answer 401 where it needs a credential: the headers are what is checked.
      default -> assertTrue(response.statusCode() == 200 || response.statusCode() == 401, what);
    }
    assertSecurityHeaders(response, true);
  }

  @Test
  void theLoopbackPortCarriesTheHeadersButNoHsts() throws Exception {
    HttpResponse<String> response = plain("127.0.0.1");
    assertSecurityHeaders(response, false);
    assertEquals(
        Optional.empty(),
        response.headers().firstValue("Strict-Transport-Security"),
        "HSTS over plain HTTP means nothing to a browser");
  }

  private static void assertSecurityHeaders(HttpResponse<String> response, boolean https) {
    String where = response.request().uri().toString();
    String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
    for (String directive :
        List.of("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")) {
      assertTrue(csp.contains(directive), where + ": Content-Security-Policy '" + csp + "'");
    }
    assertEquals(
        Optional.of("nosniff"), response.headers().firstValue("X-Content-Type-Options"), where);
    assertEquals(
        Optional.of("no-referrer"), response.headers().firstValue("Referrer-Policy"), where);
    if (https) {
      String hsts = response.headers().firstValue("Strict-Transport-Security").orElse("");
      assertTrue(hsts.matches("max-age=[1-9][0-9]{6,}.*"), where + ": HSTS '" + hsts + "'");
    }
  }

  private static HttpResponse<String> plain(String host) throws Exception {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .build()
        .send(
            HttpRequest.newBuilder(URI.create("http://" + host + ":" + HTTP_PORT + "/health/live"))
                .timeout(Duration.ofSeconds(15))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * An address of this machine that is not loopback (IPv4 first), the one an attacker on the LAN
   * would connect to; without one the test cannot be run here, and says so.
   */
  private static InetAddress lanAddress() throws Exception {
    Optional<InetAddress> address =
        NetworkInterface.networkInterfaces()
            .filter(TransportAttackIT::up)
            .flatMap(NetworkInterface::inetAddresses)
            .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
            .min(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1));
    Assumptions.assumeTrue(
        address.isPresent(),
        "this machine has no network address but loopback: plain HTTP from the LAN cannot be tried");
    return address.get();
  }

  private static boolean up(NetworkInterface nic) {
    try {
      return nic.isUp() && !nic.isLoopback();
    } catch (java.net.SocketException e) {
      return false;
    }
  }

  private static boolean certificateNames(InetAddress address) throws Exception {
    X509Certificate certificate;
    try (InputStream in = Files.newInputStream(Edge.HUB_CERTIFICATE)) {
      certificate =
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    if (names == null) {
      return false;
    }
    for (List<?> name : names) {
      if (Integer.valueOf(7).equals(name.get(0))
          && InetAddress.getByName((String) name.get(1)).equals(address)) {
        return true;
      }
    }
    return false;
  }

  private static String url(InetAddress address, int port, String scheme) {
    String host = address.getHostAddress();
    if (host.contains(":")) {
      host = "[" + host.replaceAll("%.*", "") + "]";
    }
    return scheme + "://" + host + ":" + port;
  }
}
