package dev.setpoint.analytics.it;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * The tokens analytics' test server trusts, and the key set it trusts them by. The test server's
 * {@code mp.jwt.verify.publickey.location} is a JSON Web Key Set that this class serves over HTTP
 * from the test JVM (the JDK's HttpServer, on {@code setpoint.it.jwks.port}), holding two keys:
 *
 * <ul>
 *   <li>the test stack's local issuer key (the file {@code ./setpoint test} names in {@code
 *       setpoint.it.issuer.private-key.file}), so {@link #token} signs as ingest's login does, with
 *       the same RFC 7638 {@code kid};
 *   <li>an external OpenID Connect provider's key made for this run, so {@link #external} signs as
 *       such a provider does: its own issuer, {@code preferred_username} instead of {@code upn},
 *       and its own group names, which the server maps to roles ({@code
 *       setpoint.security.groups.*}, set in this module's POM, as is the name claim, {@code
 *       JWT_USERNAME_CLAIM=preferred_username}).
 * </ul>
 *
 * The server starts at the first token asked for, before any request carries one, and stays up
 * while the test JVM runs (Liberty fetches the key set at its first token and again for an unknown
 * {@code kid}).
 */
final class OperatorTokens {
  /** The audience every server checks (server.xml's jwt.audiences default). */
  static final String AUDIENCE = "setpoint";

  /** The external provider's issuer; the test server trusts it beside the local issuer. */
  static final String EXTERNAL_ISSUER = "https://idp.setpoint.test/realms/setpoint";

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static KeySet keys;

  private OperatorTokens() {}

  /** A token of the local issuer for the bootstrap user's role: admin. */
  static String admin() throws Exception {
    return token("admin");
  }

  /** A token of the local issuer for an operator. */
  static String operator() throws Exception {
    return token("operator");
  }

  /** A token of the local issuer with this one group, as ingest's login issues them. */
  static String token(String group) throws Exception {
    KeySet k = keys();
    String issuer =
        System.getenv().getOrDefault("MP_JWT_VERIFY_ISSUER", "urn:setpoint:local-issuer");
    // The server trusts a comma list of issuers; the local issuer is the first.
    issuer = issuer.split(",")[0].strip();
    long now = System.currentTimeMillis() / 1000;
    JsonObject claims =
        Json.createObjectBuilder()
            .add("iss", issuer)
            .add("aud", AUDIENCE)
            .add("sub", "analytics-it")
            .add("upn", "analytics-it")
            .add("preferred_username", "analytics-it")
            .add("groups", Json.createArrayBuilder().add(group))
            .add("iat", now)
            .add("exp", now + 600)
            .add("jti", UUID.randomUUID().toString())
            .build();
    return sign(claims, k.localKid, k.local);
  }

  /**
   * A token of the external provider for {@code username} with its groups, as a provider such as
   * Keycloak issues them: no {@code upn}.
   */
  static String external(String username, List<String> groups) throws Exception {
    KeySet k = keys();
    long now = System.currentTimeMillis() / 1000;
    JsonArrayBuilder groupArray = Json.createArrayBuilder();
    groups.forEach(groupArray::add);
    JsonObject claims =
        Json.createObjectBuilder()
            .add("iss", EXTERNAL_ISSUER)
            .add("aud", AUDIENCE)
            .add("sub", UUID.randomUUID().toString())
            .add("preferred_username", username)
            .add("groups", groupArray)
            .add("iat", now)
            .add("exp", now + 600)
            .add("jti", UUID.randomUUID().toString())
            .build();
    return sign(claims, k.externalKid, k.external.getPrivate());
  }

  /**
   * A token of the trusted external provider, with its key, for an admin, but minted for another
   * audience (another application of the same provider).
   */
  static String otherAudience(String group) throws Exception {
    KeySet k = keys();
    long now = System.currentTimeMillis() / 1000;
    JsonObject claims =
        Json.createObjectBuilder()
            .add("iss", EXTERNAL_ISSUER)
            .add("aud", "another-application")
            .add("sub", "someone")
            .add("preferred_username", "someone")
            .add("groups", Json.createArrayBuilder().add(group))
            .add("iat", now)
            .add("exp", now + 600)
            .add("jti", UUID.randomUUID().toString())
            .build();
    return sign(claims, k.externalKid, k.external.getPrivate());
  }

  /** A token signed by the external provider's key that claims to be another provider's. */
  static String foreignIssuer(String group) throws Exception {
    KeySet k = keys();
    long now = System.currentTimeMillis() / 1000;
    JsonObject claims =
        Json.createObjectBuilder()
            .add("iss", "https://elsewhere.example/")
            .add("aud", AUDIENCE)
            .add("sub", "someone")
            .add("preferred_username", "someone")
            .add("groups", Json.createArrayBuilder().add(group))
            .add("iat", now)
            .add("exp", now + 600)
            .build();
    return sign(claims, k.externalKid, k.external.getPrivate());
  }

  private static String sign(JsonObject claims, String kid, PrivateKey key)
      throws GeneralSecurityException {
    String header =
        Json.createObjectBuilder()
            .add("alg", "RS256")
            .add("typ", "JWT")
            .add("kid", kid)
            .build()
            .toString();
    String signingInput =
        URL.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key);
    rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + URL.encodeToString(rsa.sign());
  }

  private static synchronized KeySet keys() throws Exception {
    if (keys == null) {
      keys = KeySet.serve();
    }
    return keys;
  }

  /** The two keys and the HTTP server that publishes their public halves. */
  private record KeySet(
      RSAPrivateCrtKey local, String localKid, KeyPair external, String externalKid) {

    static KeySet serve() throws Exception {
      String file = System.getProperty("setpoint.it.issuer.private-key.file", "");
      String port = System.getProperty("setpoint.it.jwks.port", "");
      if (file.isBlank() || port.isBlank()) {
        throw new IllegalStateException(
            "setpoint.it.issuer.private-key.file or setpoint.it.jwks.port is not set; run the"
                + " tests with ./setpoint test");
      }
      String base64 =
          Files.readString(Path.of(file))
              .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
              .replaceAll("\\s", "");
      RSAPrivateCrtKey local =
          (RSAPrivateCrtKey)
              KeyFactory.getInstance("RSA")
                  .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair external = generator.generateKeyPair();
      RSAPublicKey externalPublic = (RSAPublicKey) external.getPublic();
      String localKid = thumbprint(local.getModulus(), local.getPublicExponent());
      String externalKid = "it-idp-" + UUID.randomUUID();
      byte[] jwks =
          Json.createObjectBuilder()
              .add(
                  "keys",
                  Json.createArrayBuilder()
                      .add(jwk(localKid, local.getModulus(), local.getPublicExponent()))
                      .add(
                          jwk(
                              externalKid,
                              externalPublic.getModulus(),
                              externalPublic.getPublicExponent())))
              .build()
              .toString()
              .getBytes(StandardCharsets.UTF_8);
      HttpServer server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port)), 0);
      server.createContext(
          "/jwks",
          exchange -> {
            try (exchange;
                OutputStream body = exchange.getResponseBody()) {
              exchange.getResponseHeaders().set("Content-Type", "application/json");
              exchange.sendResponseHeaders(200, jwks.length);
              body.write(jwks);
            } catch (IOException e) {
              // the client went away; it asks again
            }
          });
      server.start();
      return new KeySet(local, localKid, external, externalKid);
    }

    private static JsonObjectBuilder jwk(String kid, BigInteger n, BigInteger e) {
      return Json.createObjectBuilder()
          .add("kty", "RSA")
          .add("use", "sig")
          .add("alg", "RS256")
          .add("kid", kid)
          .add("n", unsigned(n))
          .add("e", unsigned(e));
    }

    /** RFC 7638: what ingest's JwtSigner puts in {@code kid}. */
    private static String thumbprint(BigInteger n, BigInteger e) throws GeneralSecurityException {
      String jwk = "{\"e\":\"" + unsigned(e) + "\",\"kty\":\"RSA\",\"n\":\"" + unsigned(n) + "\"}";
      return URL.encodeToString(
          MessageDigest.getInstance("SHA-256").digest(jwk.getBytes(StandardCharsets.UTF_8)));
    }

    private static String unsigned(BigInteger value) {
      byte[] bytes = value.toByteArray();
      if (bytes.length > 1 && bytes[0] == 0) {
        bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
      }
      return URL.encodeToString(bytes);
    }
  }
}
