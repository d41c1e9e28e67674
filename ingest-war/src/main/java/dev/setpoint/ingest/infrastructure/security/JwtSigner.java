package dev.setpoint.ingest.infrastructure.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs JWT claims as a compact JWS with RS256 (RSASSA-PKCS1-v1_5 with SHA-256), using only the
 * JDK: the algorithm MicroProfile JWT verifiers accept by default. The header names the key with
 * {@code kid}, its RFC 7638 JWK thumbprint, so a verifier that trusts a JSON Web Key Set of several
 * keys (the local issuer's beside an external provider's) picks this one.
 */
public final class JwtSigner {
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final RSAPrivateKey key;
  private final String header;

  public JwtSigner(RSAPrivateKey key) {
    if (key.getModulus().bitLength() < 2048) {
      throw new IllegalArgumentException(
          "RS256 needs an RSA key of at least 2048 bits, was " + key.getModulus().bitLength());
    }
    this.key = key;
    JsonObjectBuilder header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT");
    keyId(key).ifPresent(kid -> header.add("kid", kid));
    this.header =
        BASE64URL.encodeToString(header.build().toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The RFC 7638 thumbprint of the key's public half (base64url SHA-256 of {@code
   * {"e":…,"kty":"RSA","n":…}}); empty for a private key that does not carry its public exponent.
   */
  public static Optional<String> keyId(RSAPrivateKey key) {
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      return Optional.empty();
    }
    String jwk =
        "{\"e\":\""
            + unsigned(crt.getPublicExponent())
            + "\",\"kty\":\"RSA\",\"n\":\""
            + unsigned(crt.getModulus())
            + "\"}";
    try {
      return Optional.of(
          BASE64URL.encodeToString(
              MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Base64url of the number's big-endian bytes without a sign byte (JWK's form of n and e). */
  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return BASE64URL.encodeToString(bytes);
  }

  /** The compact JWS {@code header.claims.signature} of the claims. */
  public String sign(JsonObject claims) {
    String signingInput =
        header + "." + BASE64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
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
