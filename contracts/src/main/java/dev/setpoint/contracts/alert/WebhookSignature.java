package dev.setpoint.contracts.alert;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How Setpoint signs an alert webhook, the cloud's subscriptions and the edge's LAN webhook alike
 * (analytics README "Notifications"), and how a receiver checks it:
 *
 * <pre>
 * X-Setpoint-Timestamp: &lt;t&gt;                     the attempt's time, whole seconds since the epoch
 * X-Setpoint-Signature: sha256=&lt;hex&gt;            hex(HMAC-SHA256(key, t + "." + body))
 * X-Setpoint-Delivery:  &lt;id&gt;                    the same on every attempt: de-duplicate by it
 * X-Setpoint-Event:     &lt;event&gt;                 raised, escalated, cleared, …
 * </pre>
 *
 * where the key is the secret as configured (its UTF-8 bytes) and the body the request's exact
 * bytes. A receiver computes the same, compares in constant time and refuses a timestamp more than
 * a few minutes from its clock, so a captured request cannot be replayed later.
 */
public final class WebhookSignature {
  public static final String SIGNATURE_HEADER = "X-Setpoint-Signature";
  public static final String TIMESTAMP_HEADER = "X-Setpoint-Timestamp";
  public static final String DELIVERY_HEADER = "X-Setpoint-Delivery";
  public static final String EVENT_HEADER = "X-Setpoint-Event";

  /** The signature's prefix: its algorithm. */
  public static final String PREFIX = "sha256=";

  private static final String HMAC = "HmacSHA256";

  private WebhookSignature() {}

  /** {@code sha256=} and the hexadecimal HMAC-SHA256 of {@code timestamp + "." + body}. */
  public static String sign(String secret, long timestamp, byte[] body) {
    return PREFIX + HexFormat.of().formatHex(mac(secret, timestamp, body));
  }

  /**
   * Whether a request's signature is this secret's over its timestamp and body, and the timestamp
   * within {@code tolerance} of {@code now}: what a receiver checks.
   */
  public static boolean verify(
      String secret,
      String timestamp,
      String signature,
      byte[] body,
      Instant now,
      Duration tolerance) {
    if (timestamp == null || signature == null || !signature.startsWith(PREFIX)) {
      return false;
    }
    long t;
    byte[] given;
    try {
      t = Long.parseLong(timestamp.strip());
      given = HexFormat.of().parseHex(signature.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - t) > tolerance.toSeconds()) {
      return false;
    }
    return MessageDigest.isEqual(mac(secret, t, body), given);
  }

  private static byte[] mac(String secret, long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
