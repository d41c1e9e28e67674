package dev.setpoint.analytics.infrastructure.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The signature as the README documents it, and the receiver's check. */
class WebhookSignatureTest {
  private static final byte[] BODY = "{\"event\":\"raised\"}".getBytes(StandardCharsets.UTF_8);
  private static final long T = 1_764_576_000L;
  private static final Instant NOW = Instant.ofEpochSecond(T + 30);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void theSignatureIsTheHexHmacSha256OfTimestampDotBody() {
    // printf '%s' '1764576000.{"event":"raised"}' | openssl dgst -sha256 -hmac 's3cr3t'
    assertEquals(
        "sha256=dda7f5aa7070e410038978932b25454c051169f844b1a6867ea1aa653feed26e",
        WebhookSignature.sign("s3cr3t", T, BODY));
  }

  @Test
  void aReceiverAcceptsTheSignatureOfItsSecretOverTheExactBodyAndARecentTimestamp() {
    String signature = WebhookSignature.sign("s3cr3t", T, BODY);
    assertTrue(
        WebhookSignature.verify("s3cr3t", Long.toString(T), signature, BODY, NOW, FIVE_MINUTES));

    assertFalse(
        WebhookSignature.verify("other", Long.toString(T), signature, BODY, NOW, FIVE_MINUTES),
        "another secret");
    assertFalse(
        WebhookSignature.verify(
            "s3cr3t",
            Long.toString(T),
            signature,
            "{\"event\":\"cleared\"}".getBytes(StandardCharsets.UTF_8),
            NOW,
            FIVE_MINUTES),
        "a changed body");
    assertFalse(
        WebhookSignature.verify("s3cr3t", Long.toString(T + 1), signature, BODY, NOW, FIVE_MINUTES),
        "a changed timestamp: it is inside the MAC");
    assertFalse(
        WebhookSignature.verify(
            "s3cr3t", Long.toString(T), signature, BODY, NOW.plusSeconds(600), FIVE_MINUTES),
        "a replay ten minutes later");
    for (String bad : new String[] {null, "", "dda7f5", "sha1=dda7", "sha256=zz"}) {
      assertFalse(
          WebhookSignature.verify("s3cr3t", Long.toString(T), bad, BODY, NOW, FIVE_MINUTES), bad);
    }
    assertFalse(WebhookSignature.verify("s3cr3t", "soon", signature, BODY, NOW, FIVE_MINUTES));
  }
}
