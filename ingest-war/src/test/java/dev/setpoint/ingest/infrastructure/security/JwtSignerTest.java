package dev.setpoint.ingest.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtSignerTest {
  private static final KeyPair PAIR = KeysForTests.rsa(2048);

  static boolean verifies(String jws, PublicKey key) throws GeneralSecurityException {
    String[] parts = jws.split("\\.");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(key);
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
  }

  static JsonObject part(String jws, int index) {
    String json =
        new String(Base64.getUrlDecoder().decode(jws.split("\\.")[index]), StandardCharsets.UTF_8);
    return Json.createReader(new StringReader(json)).readObject();
  }

  @Test
  void theSignatureVerifiesWithThePublicKeyAndNoOther() throws GeneralSecurityException {
    JsonObject claims = Json.createObjectBuilder().add("sub", "op").add("exp", 42).build();

    String jws = new JwtSigner((RSAPrivateKey) PAIR.getPrivate()).sign(claims);

    assertEquals(3, jws.split("\\.").length);
    assertFalse(jws.contains("="), "base64url without padding");
    assertEquals("RS256", part(jws, 0).getString("alg"));
    assertEquals("JWT", part(jws, 0).getString("typ"));
    assertEquals(claims, part(jws, 1));
    assertTrue(verifies(jws, PAIR.getPublic()));
    assertFalse(verifies(jws, KeysForTests.rsa(2048).getPublic()));
    String tampered = jws.replaceFirst("\\.[^.]+\\.", "." + jws.split("\\.")[0] + ".");
    assertFalse(verifies(tampered, PAIR.getPublic()));
  }

  @Test
  void refusesAKeyTooShortForRs256() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new JwtSigner((RSAPrivateKey) KeysForTests.rsa(1024).getPrivate()));
  }
}
