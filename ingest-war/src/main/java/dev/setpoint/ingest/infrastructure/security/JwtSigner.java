package dev.setpoint.ingest.infrastructure.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.util.Base64;

/**
 * Signs JWT claims as a compact JWS with RS256 (RSASSA-PKCS1-v1_5 with SHA-256), using only the
 * JDK: the algorithm MicroProfile JWT verifiers accept by default.
 */
public final class JwtSigner {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER =
      BASE64URL.encodeToString(
          Json.createObjectBuilder()
              .add("alg", "RS256")
              .add("typ", "JWT")
              .build()
              .toString()
              .getBytes(StandardCharsets.UTF_8));

  private final RSAPrivateKey key;

  public JwtSigner(RSAPrivateKey key) {
    if (key.getModulus().bitLength() < 2048) {
      throw new IllegalArgumentException(
          "RS256 needs an RSA key of at least 2048 bits, was " + key.getModulus().bitLength());
    }
    this.key = key;
  }

  /** The compact JWS {@code header.claims.signature} of the claims. */
  public String sign(JsonObject claims) {
    String signingInput =
        HEADER + "." + BASE64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature rs256 = Signature.getInstance("SHA256withRSA");
      rs256.initSign(key);
      rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA256withRSA failed with a valid RSA key", e);
    }
  }
}
