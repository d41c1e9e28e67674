package dev.setpoint.analytics.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.UUID;

/**
 * JWTs signed with the test stack's issuer key (the one Liberty's MP-JWT trusts under {@code
 * ./setpoint test}), so analytics is tested against the same verification as ingest.
 */
final class OperatorTokens {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private OperatorTokens() {}

  static String operator() throws Exception {
    return token("operator");
  }

  static String token(String group) throws Exception {
    String file = System.getProperty("setpoint.it.issuer.private-key.file", "");
    if (file.isBlank()) {
      throw new IllegalStateException(
          "setpoint.it.issuer.private-key.file is not set; run the tests with ./setpoint test");
    }
    String pem = Files.readString(Path.of(file));
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    PrivateKey key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    String issuer =
        System.getenv().getOrDefault("MP_JWT_VERIFY_ISSUER", "urn:setpoint:local-issuer");
    long now = System.currentTimeMillis() / 1000;
    String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    String claims =
        """
        {"iss":"%s","sub":"analytics-it","upn":"analytics-it","groups":["%s"],"iat":%d,"exp":%d,"jti":"%s"}
        """
            .formatted(issuer, group, now, now + 600, UUID.randomUUID())
            .strip();
    String signingInput =
        URL.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + URL.encodeToString(rsa.sign());
  }
}
