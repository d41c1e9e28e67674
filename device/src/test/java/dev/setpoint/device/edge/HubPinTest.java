package dev.setpoint.device.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.setpoint.device.buffer.Delivery;
import dev.setpoint.device.buffer.PendingEvent;
import dev.setpoint.device.config.HubTrust;
import dev.setpoint.device.config.IngestConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent against a real TLS hub (the JDK's HttpsServer with a certificate keytool makes for this
 * run): the pinned hub gets the event; a hub whose certificate is not the pinned one gets nothing,
 * not even the request line, and the log says why.
 */
class HubPinTest {
  private static final Logger PIN_LOG = Logger.getLogger(PinnedTrustManager.class.getName());

  @TempDir Path dir;

  private HttpsServer hub;
  private X509Certificate hubCertificate;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          synchronized (logged) {
            logged.add(record);
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void startHub() throws Exception {
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    KeyStore keys = keystore("hub", password);
    hubCertificate = (X509Certificate) keys.getCertificate("hub");
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, password.toCharArray());
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(km.getKeyManagers(), null, null);
    hub = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hub.setHttpsConfigurator(new HttpsConfigurator(tls));
    hub.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
          }
          byte[] answer =
              "{\"apiVersion\":\"v3\",\"statusCode\":201}".getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(201, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    hub.start();
    PIN_LOG.addHandler(capture);
  }

  @AfterEach
  void stopHub() {
    PIN_LOG.removeHandler(capture);
    hub.stop(0);
  }

  @Test
  void thePinnedHubGetsTheEvent() throws Exception {
    IngestClient agent = client(new HubTrust.Pinned(List.of(sha256(hubCertificate.getEncoded()))));
    assertEquals(Delivery.STORED, agent.post(event(), "spd_test").delivery());
    assertEquals(1, requests.get());
    // The public key's hash pins the same hub (what browsers and curl --pinnedpubkey use).
    IngestClient byKey =
        client(
            HubTrust.Pinned.parse(
                "sha256//"
                    + Base64.getEncoder()
                        .encodeToString(
                            HexFormat.of()
                                .parseHex(sha256(hubCertificate.getPublicKey().getEncoded())))));
    assertEquals(Delivery.STORED, byKey.post(event(), "spd_test").delivery());
  }

  @Test
  void anAgentRefusesAHubWhoseCertificateDoesNotMatchItsPin() throws Exception {
    // The pin of another hub: a certificate made the same way, but not the one this hub presents.
    X509Certificate other =
        (X509Certificate)
            keystore("other", HexFormat.of().formatHex(new SecureRandom().generateSeed(12)))
                .getCertificate("other");
    IngestClient agent = client(new HubTrust.Pinned(List.of(sha256(other.getEncoded()))));

    assertEquals(
        Delivery.RETRY, agent.post(event(), "spd_test").delivery(), "kept for a later attempt");
    IngestUnavailableException refused =
        assertThrows(
            IngestUnavailableException.class,
            () -> agent.readCommand("dev-1", "setpoint", "spd_test"));
    assertTrue(refused.getMessage().contains("matches no ingest.tls.pin"), refused.getMessage());
    assertEquals(0, requests.get(), "not one request reached the hub, so no token left the agent");

    String shown =
        HexFormat.ofDelimiter(":")
            .withUpperCase()
            .formatHex(HexFormat.of().parseHex(sha256(hubCertificate.getEncoded())));
    List<LogRecord> severe;
    synchronized (logged) {
      severe = logged.stream().filter(r -> r.getLevel() == Level.SEVERE).toList();
    }
    assertEquals(1, severe.size(), "said once, however often the agent retries");
    String message = severe.get(0).getMessage();
    assertTrue(message.contains("refusing the hub at https://127.0.0.1:"), message);
    assertTrue(message.contains(shown + ") matches no ingest.tls.pin"), message);
  }

  @Test
  void aHubOutsideTheCaFileIsRefusedAndItsOwnCertificateIsTrusted() throws Exception {
    KeyStore other =
        keystore("other", HexFormat.of().formatHex(new SecureRandom().generateSeed(12)));
    Path otherPem = pem(dir.resolve("other.pem"), (X509Certificate) other.getCertificate("other"));
    assertEquals(
        Delivery.RETRY, client(new HubTrust.CaFile(otherPem)).post(event(), "spd_test").delivery());
    assertEquals(0, requests.get());

    Path hubPem = pem(dir.resolve("hub.pem"), hubCertificate);
    assertEquals(
        Delivery.STORED, client(new HubTrust.CaFile(hubPem)).post(event(), "spd_test").delivery());
  }

  @Test
  void theJdksDefaultTrustDoesNotKnowASelfSignedHub() throws Exception {
    assertEquals(
        Delivery.RETRY, client(new HubTrust.JdkDefault()).post(event(), "spd_test").delivery());
    assertEquals(0, requests.get());
  }

  private IngestClient client(HubTrust trust) throws IOException {
    return new IngestClient(
        new IngestConfig(
            URI.create("https://127.0.0.1:" + hub.getAddress().getPort()),
            Duration.ofSeconds(5),
            trust));
  }

  private static PendingEvent event() {
    return new PendingEvent(
        1,
        "dev-1",
        IngestClient.eventPath("setpoint-device-agent", "room-sensor", "dev-1", "climate"),
        "{}");
  }

  /**
   * A PKCS#12 keystore with one self-signed EC certificate for 127.0.0.1, made by the JDK's keytool
   * as {@code ./setpoint} makes the hub's.
   */
  private KeyStore keystore(String alias, String password) throws Exception {
    Path file = dir.resolve(alias + ".p12");
    Path passwordFile = Files.writeString(dir.resolve(alias + ".password"), password);
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                alias,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-validity",
                "2",
                "-dname",
                "CN=" + alias,
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass:file",
                passwordFile.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, keytool.waitFor(), output);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keys.load(in, password.toCharArray());
    }
    return keys;
  }

  private static Path pem(Path file, X509Certificate certificate) throws Exception {
    return Files.writeString(
        file,
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n");
  }

  private static String sha256(byte[] encoded) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
  }
}
