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
import java.security.interfaces.RSAPublicKey;
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
  private final Optional<String> keyId;
  private final String header;

  public JwtSigner(RSAPrivateKey key) {
    if (key.getModulus().bitLength() < 2048) {
      throw new IllegalArgumentException(
          "RS256 needs an RSA key of at least 2048 bits, was " + key.getModulus().bitLength());
    }
    this.key = key;
    JsonObjectBuilder header = Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT");
    this.keyId = keyId(key);
    keyId.ifPresent(kid -> header.add("kid", kid));
    this.header =
        BASE64URL.encodeToString(header.build().toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The {@code kid} its tokens carry; empty for a key without its public exponent. */
  public Optional<String> keyId() {
    return keyId;
  }

  /** Its key's public half as a JSON Web Key; empty for a key without its public exponent. */
  public Optional<JsonObject> jwk() {
    return key instanceof RSAPrivateCrtKey crt
        ? Optional.of(jwk(crt.getModulus(), crt.getPublicExponent()))
        : Optional.empty();
  }

  /** A public key as a JSON Web Key (RFC 7517) for RS256 signatures, named by its thumbprint. */
  public static JsonObject jwk(RSAPublicKey key) {
    return jwk(key.getModulus(), key.getPublicExponent());
  }

  private static JsonObject jwk(BigInteger modulus, BigInteger exponent) {
    return Json.createObjectBuilder()
        .add("kty", "RSA")
        .add("use", "sig")
        .add("alg", "RS256")
        .add("kid", thumbprint(modulus, exponent))
        .add("n", unsigned(modulus))
        .add("e", unsigned(exponent))
        .build();
  }

  /**
   * The RFC 7638 thumbprint of the key's public half (base64url SHA-256 of {@code
   * {"e":…,"kty":"RSA","n":…}}); empty for a private key that does not carry its public exponent.
   */
  public static Optional<String> keyId(RSAPrivateKey key) {
    if (!(key instanceof RSAPrivateCrtKey crt)) {
      return Optional.empty();
    }
    return Optional.of(thumbprint(crt.getModulus(), crt.getPublicExponent()));
  }

  private static String thumbprint(BigInteger modulus, BigInteger exponent) {
    String jwk =
        "{\"e\":\""
            + unsigned(exponent)
            + "\",\"kty\":\"RSA\",\"n\":\""
            + unsigned(modulus)
            + "\"}";
    try {
      return BASE64URL.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
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
