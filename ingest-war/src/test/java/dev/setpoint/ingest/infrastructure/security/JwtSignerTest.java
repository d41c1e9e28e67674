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
  void theHeaderNamesTheKeyByItsRfc7638Thumbprint() {
    String jws =
        new JwtSigner((RSAPrivateKey) PAIR.getPrivate()).sign(Json.createObjectBuilder().build());
    String kid = part(jws, 0).getString("kid");
    assertEquals(JwtSigner.keyId((RSAPrivateKey) PAIR.getPrivate()).orElseThrow(), kid);
    assertEquals(43, kid.length(), "base64url of 32 bytes");
    assertFalse(
        kid.equals(JwtSigner.keyId((RSAPrivateKey) KeysForTests.rsa(2048).getPrivate()).get()));
  }

  /** RFC 7638, section 3.1: the example key and its thumbprint. */
  @Test
  void theThumbprintIsRfc7638s() throws GeneralSecurityException {
    String n =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECP"
            + "ebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2Q"
            + "vzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQF"
            + "h6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
    java.math.BigInteger modulus = new java.math.BigInteger(1, Base64.getUrlDecoder().decode(n));
    java.math.BigInteger e = java.math.BigInteger.valueOf(65537);
    // Only n and e enter the thumbprint; the private parts just have to make a valid key object.
    RSAPrivateKey key =
        (RSAPrivateKey)
            java.security.KeyFactory.getInstance("RSA")
                .generatePrivate(
                    new java.security.spec.RSAPrivateCrtKeySpec(
                        modulus,
                        e,
                        java.math.BigInteger.TWO,
                        java.math.BigInteger.TWO,
                        java.math.BigInteger.TWO,
                        java.math.BigInteger.TWO,
                        java.math.BigInteger.TWO,
                        java.math.BigInteger.TWO));
    assertEquals("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", JwtSigner.keyId(key).get());
  }

  @Test
  void refusesAKeyTooShortForRs256() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new JwtSigner((RSAPrivateKey) KeysForTests.rsa(1024).getPrivate()));
  }
}
