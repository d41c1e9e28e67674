package dev.setpoint.device.edge;

import java.net.Socket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly the hub whose certificate (or public key) has a pinned SHA-256 fingerprint, and
 * nothing else: no CA, no fallback. The pin is the hub's identity, so neither the host name in the
 * URL nor the certificate's dates are checked: a Pi reaches its hub by whatever address the LAN
 * gives it, and may boot with its clock in 1970 before NTP answers. Being an {@link
 * X509ExtendedTrustManager}, JSSE adds no checks of its own around it.
 */
final class PinnedTrustManager extends X509ExtendedTrustManager {
  private static final Logger LOG = Logger.getLogger(PinnedTrustManager.class.getName());
  private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

  private final Set<String> pins;
  private final String ingest;

  /** Fingerprints already reported, so a hub that keeps answering is logged once, not per retry. */
  private final Set<String> reported = ConcurrentHashMap.newKeySet();

  /**
   * @param pins SHA-256 fingerprints, 64 lower-case hex digits each
   * @param ingest the URL the agent posts to, for the log
   */
  PinnedTrustManager(List<String> pins, String ingest) {
    this.pins = Set.copyOf(pins);
    this.ingest = ingest;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    check(chain);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    check(chain);
  }

  private void check(X509Certificate[] chain) throws CertificateException {
    if (chain == null || chain.length == 0) {
      throw new CertificateException("the hub presented no certificate");
    }
    X509Certificate leaf = chain[0];
    String certificate = sha256(leaf.getEncoded());
    String publicKey = sha256(leaf.getPublicKey().getEncoded());
    if (pins.contains(certificate) || pins.contains(publicKey)) {
      return;
    }
    String shown = COLONS.formatHex(HexFormat.of().parseHex(certificate));
    if (reported.add(certificate)) {
      LOG.severe(
          () ->
              "refusing the hub at "
                  + ingest
                  + ": its certificate ("
                  + leaf.getSubjectX500Principal().getName()
                  + ", SHA-256 "
                  + shown
                  + ") matches no ingest.tls.pin. Nothing is sent to it. If the hub's certificate"
                  + " was renewed, run ./setpoint fingerprint on the hub and set the new pin;"
                  + " otherwise something else answers at that address");
    }
    throw new CertificateException(
        "the hub's certificate (SHA-256 " + shown + ") matches no ingest.tls.pin");
  }

  private static String sha256(byte[] encoded) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("the agent accepts no clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("the agent accepts no clients");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("the agent accepts no clients");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
