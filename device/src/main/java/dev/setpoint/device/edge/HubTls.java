package dev.setpoint.device.edge;

import dev.setpoint.device.config.HubTrust;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of the agent's HTTP client: the {@link SSLContext} that trusts the hub as {@link
 * HubTrust} says, and TLS 1.3 or 1.2 only.
 */
public final class HubTls {
  /** The protocols the agent speaks; the hub's Liberty accepts the same two. */
  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private HubTls() {}

  /**
   * The context for the given trust.
   *
   * @param ingest the URL, for the pinned trust manager's log line
   * @throws IOException the CA file cannot be read or holds no certificate
   */
  public static SSLContext context(HubTrust trust, String ingest) throws IOException {
    try {
      TrustManager[] managers =
          switch (trust) {
            case HubTrust.Pinned pinned ->
                new TrustManager[] {new PinnedTrustManager(pinned.sha256(), ingest)};
            case HubTrust.CaFile ca -> caFile(ca);
            case HubTrust.JdkDefault jdk -> null;
          };
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, managers, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** TLS 1.3 and 1.2, nothing older; the host name is checked unless a pin replaces it. */
  public static SSLParameters parameters() {
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(PROTOCOLS.clone());
    return parameters;
  }

  /** One-line description of the trust, for the agent's start message. */
  public static String describe(HubTrust trust) {
    return switch (trust) {
      case HubTrust.Pinned pinned ->
          "the hub's pinned certificate ("
              + pinned.sha256().size()
              + (pinned.sha256().size() == 1 ? " fingerprint" : " fingerprints")
              + ")";
      case HubTrust.CaFile ca -> "certificates signed by " + ca.file();
      case HubTrust.JdkDefault jdk -> "the JDK's trusted CAs";
    };
  }

  private static TrustManager[] caFile(HubTrust.CaFile ca)
      throws IOException, GeneralSecurityException {
    Collection<? extends Certificate> certificates;
    try (InputStream in = Files.newInputStream(ca.file())) {
      certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
    }
    if (certificates.isEmpty()) {
      throw new IOException("ingest.tls.ca-file " + ca.file() + " holds no PEM certificate");
    }
    KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
    anchors.load(null, null);
    int i = 0;
    for (Certificate certificate : certificates) {
      anchors.setCertificateEntry("ca-" + i++, certificate);
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(anchors);
    return factory.getTrustManagers();
  }
}
