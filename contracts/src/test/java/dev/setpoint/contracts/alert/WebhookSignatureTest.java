package dev.setpoint.contracts.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  final String secret = UUID.randomUUID().toString();
  final byte[] body = "{\"event\":\"raised\"}".getBytes(StandardCharsets.UTF_8);
  final Instant now = Instant.ofEpochSecond(1_764_316_800L);

  @Test
  void theSignatureIsTheHmacOfTimestampDotBody() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        "sha256="
            + HexFormat.of()
                .formatHex(
                    mac.doFinal(
                        ("1764316800." + new String(body, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, WebhookSignature.sign(secret, 1_764_316_800L, body));
  }

  @Test
  void aReceiverAcceptsTheRightSignatureInTimeOnly() {
    String signature = WebhookSignature.sign(secret, now.getEpochSecond(), body);
    Duration tolerance = Duration.ofMinutes(5);
    String t = Long.toString(now.getEpochSecond());
    assertTrue(WebhookSignature.verify(secret, t, signature, body, now, tolerance));
    assertFalse(WebhookSignature.verify("other", t, signature, body, now, tolerance));
    assertFalse(
        WebhookSignature.verify(
            secret, t, signature, "{}".getBytes(StandardCharsets.UTF_8), now, tolerance));
    assertFalse(
        WebhookSignature.verify(secret, t, signature, body, now.plusSeconds(301), tolerance));
    assertFalse(WebhookSignature.verify(secret, "soon", signature, body, now, tolerance));
    assertFalse(WebhookSignature.verify(secret, t, "md5=00", body, now, tolerance));
  }
}
