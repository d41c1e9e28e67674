package dev.setpoint.analytics.it;

import jakarta.json.Json;
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
 * An operator JWT signed with the test stack's local issuer key (the file {@code ./setpoint test}
 * names in {@code setpoint.it.issuer.private-key.file}), as ingest's login would issue it:
 * analytics has no login of its own, and its test server verifies with the same mp.jwt.verify.*
 * keys.
 */
final class OperatorJwt {
  private OperatorJwt() {}

  static String issue(String group) throws Exception {
    String file = System.getProperty("setpoint.it.issuer.private-key.file", "");
    if (file.isBlank()) {
      throw new IllegalStateException(
          "setpoint.it.issuer.private-key.file is not set; run the tests with ./setpoint test");
    }
    String issuer =
        System.getenv().getOrDefault("MP_JWT_VERIFY_ISSUER", "urn:setpoint:local-issuer");
    long now = System.currentTimeMillis() / 1000;
    String header =
        Json.createObjectBuilder().add("alg", "RS256").add("typ", "JWT").build().toString();
    String claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("sub", "it-operator")
            .add("upn", "it-operator")
            .add("groups", Json.createArrayBuilder().add(group))
            .add("iat", now)
            .add("exp", now + 600)
            .add("jti", UUID.randomUUID().toString())
            .build()
            .toString();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signed =
        b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(privateKey(Path.of(file)));
    rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
    return signed + "." + b64.encodeToString(rsa.sign());
  }

  private static PrivateKey privateKey(Path pem) throws Exception {
    String base64 =
        Files.readString(pem)
            .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
