package dev.setpoint.ingest.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.setpoint.ingest.application.DeviceTokenCodec;
import dev.setpoint.ingest.infrastructure.security.JwtSigner;
import dev.setpoint.ingest.infrastructure.security.PemKeys;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authentication and authorization of the built ingest WAR on Liberty, with the operator issuer and
 * MicroProfile JWT configured as {@code ./setpoint} configures them, and device tokens in the real
 * MongoDB.
 */
@ExtendWith(ArquillianExtension.class)
class SecurityIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static MongoClient mongo;
  private static EdgeLogView events;
  private static MongoCollection<Document> tokens;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/ingest.war"));
  }

  @BeforeAll
  static void connect() {
    mongo = MongoClients.create(System.getProperty("setpoint.it.mongo.uri"));
    events = new EdgeLogView(mongo.getDatabase("setpoint"));
    tokens = mongo.getDatabase("setpoint").getCollection("devicetokens");
  }

  @AfterAll
  static void disconnect() {
    mongo.close();
  }

  /** A new device of the room-sensor profile, registered by the operator. */
  private String device() throws Exception {
    String name = "sec-" + UUID.randomUUID().toString().substring(0, 8);
    new Api(base).registerDevice(name, "room-sensor");
    return name;
  }

  private static String event(String id, String device) {
    return """
        {"apiVersion":"v3","event":{"apiVersion":"v3","id":"%s","deviceName":"%s",
         "profileName":"room-sensor","sourceName":"climate","origin":1764316800000000000,
         "readings":[{"resourceName":"temperature","valueType":"Float64","value":"21.5"}]}}
        """
        .formatted(id, device);
  }

  private HttpResponse<String> send(String method, String path, String authorization, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.toURI().resolve(path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts an event for {@code pathDevice} whose body names {@code bodyDevice}. */
  private HttpResponse<String> postEvent(String pathDevice, String bodyDevice, String bearer)
      throws Exception {
    String id = UUID.randomUUID().toString();
    return send(
        "POST",
        "api/v3/event/" + Api.SERVICE + "/room-sensor/" + pathDevice + "/climate",
        bearer == null ? null : "Bearer " + bearer,
        event(id, bodyDevice));
  }

  private String issueDeviceToken(String operator, String device) throws Exception {
    HttpResponse<String> issued =
        send("POST", "api/v3/device/name/" + device + "/token", "Bearer " + operator, null);
    assertEquals(201, issued.statusCode(), issued.body());
    return json(issued).getString("token");
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static JsonObject claims(String jwt) {
    String part = jwt.split("\\.")[1];
    return Json.createReader(
            new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))
        .readObject();
  }

  private static void assertUnauthorized(HttpResponse<String> response) {
    assertEquals(401, response.statusCode(), response.body());
    assertEquals(401, json(response).getInt("statusCode"));
    assertEquals("v3", json(response).getString("apiVersion"));
    assertTrue(
        response.headers().allValues("WWW-Authenticate").stream()
            .anyMatch(v -> v.startsWith("Bearer")),
        response.headers().map().toString());
  }

  private static String jwt(RSAPrivateKey key, String issuer, String group, long iat, long exp) {
    return jwt(key, issuer, "setpoint", group, iat, exp);
  }

  private static String jwt(
      RSAPrivateKey key, String issuer, String audience, String group, long iat, long exp) {
    return new JwtSigner(key)
        .sign(
            Json.createObjectBuilder()
                .add("iss", issuer)
                .add("aud", audience)
                .add("sub", "someone")
                .add("upn", "someone")
                .add("groups", Json.createArrayBuilder().add(group))
                .add("iat", iat)
                .add("exp", exp)
                .add("jti", UUID.randomUUID().toString())
                .build());
  }

  private static RSAPrivateKey issuerKey() {
    String file = System.getProperty("setpoint.it.issuer.private-key.file", "");
    if (file.isBlank()) {
      throw new IllegalStateException(
          "setpoint.it.issuer.private-key.file is not set; run the tests with ./setpoint test");
    }
    return PemKeys.privateKey(Path.of(file));
  }

  @Test
  void withoutATokenAnEventIsRefusedWith401AndNotStored() throws Exception {
    String device = device();
    HttpResponse<String> response = postEvent(device, device, null);

    assertUnauthorized(response);
    assertEquals(
        "Bearer realm=\"setpoint\"", response.headers().firstValue("WWW-Authenticate").get());
    assertTrue(response.headers().firstValue("X-Correlation-ID").isPresent());
    assertEquals(0, events.countOf("deviceName", device));
  }

  @Test
  void malformedAndUnknownTokensAre401() throws Exception {
    String device = device();
    for (String authorization :
        new String[] {
          "Bearer",
          "Bearer not-a-token",
          "Bearer " + DeviceTokenCodec.generate(new SecureRandom()),
          "Bearer a.b.c",
          "Basic b3BlcmF0b3I6cGFzc3dvcmQ="
        }) {
      HttpResponse<String> response =
          send(
              "POST",
              "api/v3/event/" + Api.SERVICE + "/room-sensor/" + device + "/climate",
              authorization,
              event(UUID.randomUUID().toString(), device));
      assertUnauthorized(response);
    }
    assertEquals(0, events.countOf("deviceName", device));
  }

  @Test
  void theOperatorLogsInWithTheRightPasswordOnly() throws Exception {
    HttpResponse<String> wrong =
        OperatorLogin.login(base, OperatorLogin.USERNAME, OperatorLogin.password() + "x");
    assertEquals(401, wrong.statusCode(), wrong.body());
    assertEquals(401, json(wrong).getInt("statusCode"));
    assertEquals(
        401, OperatorLogin.login(base, "someone-else", OperatorLogin.password()).statusCode());

    HttpResponse<String> right =
        OperatorLogin.login(base, OperatorLogin.USERNAME, OperatorLogin.password());

    assertEquals(200, right.statusCode(), right.body());
    assertEquals("no-store", right.headers().firstValue("Cache-Control").orElse(""));
    JsonObject body = json(right);
    assertEquals("Bearer", body.getString("token_type"));
    assertTrue(body.getJsonNumber("expires_in").longValue() > 0);
    assertEquals("admin", body.getString("role"), "the bootstrap user is the admin");
    JsonObject claims = claims(body.getString("access_token"));
    assertEquals(OperatorLogin.USERNAME, claims.getString("upn"));
    assertEquals(List.of("admin"), strings(claims.getJsonArray("groups")));
    assertTrue(claims.getJsonNumber("exp").longValue() > Instant.now().getEpochSecond());
  }

  @Test
  void aLoginWithoutCredentialsIsA400() throws Exception {
    HttpResponse<String> response = send("POST", "api/auth/token", null, "{\"username\":\"x\"}");
    assertEquals(400, response.statusCode(), response.body());
    assertEquals("password is required", json(response).getString("message"));
    assertEquals(400, send("POST", "api/auth/token", null, "{oops").statusCode());
  }

  @Test
  void anIssuedDeviceTokenPostsItsOwnEventsAndIsStoredOnlyAsAHash() throws Exception {
    String operator = OperatorLogin.token(base);
    String device = device();

    HttpResponse<String> issued =
        send("POST", "api/v3/device/name/" + device + "/token", "Bearer " + operator, null);

    assertEquals(201, issued.statusCode(), issued.body());
    assertEquals("no-store", issued.headers().firstValue("Cache-Control").orElse(""));
    String token = json(issued).getString("token");
    assertEquals(device, json(issued).getString("deviceName"));
    assertTrue(DeviceTokenCodec.wellFormed(token), token);
    Document stored = tokens.find(Filters.eq("_id", DeviceTokenCodec.hash(token))).first();
    assertNotNull(stored);
    assertEquals(DeviceTokenCodec.hash(token), stored.getString("_id"));
    assertNull(stored.get("revokedAt"));
    assertTrue(stored.values().stream().noneMatch(v -> String.valueOf(v).contains(token)));

    HttpResponse<String> posted = postEvent(device, device, token);
    assertEquals(201, posted.statusCode(), posted.body());
    assertEquals(1, events.countOf("deviceName", device));
  }

  @Test
  void aDeviceTokenMayNotActAsAnotherDeviceNorAsAnOperator() throws Exception {
    String operator = OperatorLogin.token(base);
    String device = device();
    String other = device();
    String token = issueDeviceToken(operator, device);

    HttpResponse<String> asOther = postEvent(other, other, token);
    assertEquals(403, asOther.statusCode(), asOther.body());
    assertEquals(403, json(asOther).getInt("statusCode"));
    assertTrue(json(asOther).getString("message").contains(device), asOther.body());
    assertEquals(0, events.countOf("deviceName", other));

    HttpResponse<String> issuing =
        send("POST", "api/v3/device/name/" + device + "/token", "Bearer " + token, null);
    assertEquals(403, issuing.statusCode(), issuing.body());

    // The body's device must also equal the path's, so a device cannot smuggle another's event.
    assertEquals(400, postEvent(device, other, token).statusCode());
  }

  @Test
  void aDeviceGetsItsTokenOnceWhenItIsCreated() throws Exception {
    String device = "sec-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> created =
        new Api(base).post("api/v3/device", Api.deviceRequest(device, "room-sensor", "UNLOCKED"));
    assertEquals(207, created.statusCode(), created.body());
    assertEquals("no-store", created.headers().firstValue("Cache-Control").orElse(""));
    String token = Api.array(created).getJsonObject(0).getString("token");
    assertTrue(DeviceTokenCodec.wellFormed(token), token);
    assertEquals(201, postEvent(device, device, token).statusCode());
    HttpResponse<String> read =
        send("GET", "api/v3/device/name/" + device, "Bearer " + OperatorLogin.token(base), null);
    assertEquals(200, read.statusCode(), read.body());
    assertFalse(read.body().contains(token), "the token is shown once, never again");
  }

  @Test
  void anOperatorMayPostForAnyDevice() throws Exception {
    String device = device();
    HttpResponse<String> response = postEvent(device, device, OperatorLogin.token(base));
    assertEquals(201, response.statusCode(), response.body());
  }

  @Test
  void aRotatedOrRevokedTokenIsRefusedAtOnce() throws Exception {
    String operator = OperatorLogin.token(base);
    String device = device();
    String first = issueDeviceToken(operator, device);
    assertEquals(201, postEvent(device, device, first).statusCode());

    String second = issueDeviceToken(operator, device);
    assertNotEquals(first, second);
    assertUnauthorized(postEvent(device, device, first));
    assertEquals(201, postEvent(device, device, second).statusCode());

    HttpResponse<String> revoked =
        send("DELETE", "api/v3/device/name/" + device + "/token", "Bearer " + operator, null);
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertUnauthorized(postEvent(device, device, second));
    // The token issued with the device, then the two rotations: all kept, all revoked.
    assertEquals(3, tokens.countDocuments(Filters.eq("deviceName", device)), "kept as revoked");
    assertEquals(
        0,
        tokens.countDocuments(
            Filters.and(Filters.eq("deviceName", device), Filters.eq("revokedAt", null))));

    HttpResponse<String> again =
        send("DELETE", "api/v3/device/name/" + device + "/token", "Bearer " + operator, null);
    assertEquals(404, again.statusCode(), again.body());
  }

  @Test
  void expiredForgedForeignAndOtherAudienceJwtsAre401AndANonOperatorJwtIs403() throws Exception {
    String issuer = claims(OperatorLogin.token(base)).getString("iss");
    RSAPrivateKey key = issuerKey();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    RSAPrivateKey forger = (RSAPrivateKey) generator.generateKeyPair().getPrivate();
    long now = Instant.now().getEpochSecond();
    String device = device();

    // Expired an hour ago: beyond MP-JWT's default clock skew (5 min in Liberty).
    assertUnauthorized(
        postEvent(device, device, jwt(key, issuer, "operator", now - 7200, now - 3600)));
    assertUnauthorized(postEvent(device, device, jwt(forger, issuer, "operator", now, now + 600)));
    assertUnauthorized(
        postEvent(device, device, jwt(key, "urn:someone:else", "operator", now, now + 600)));
    // a token for another audience: the right key and issuer, minted for some other service
    assertUnauthorized(
        postEvent(device, device, jwt(key, issuer, "another-service", "operator", now, now + 600)));
    assertEquals(0, events.countOf("deviceName", device));

    HttpResponse<String> viewer =
        postEvent(device, device, jwt(key, issuer, "viewer", now, now + 600));
    assertEquals(403, viewer.statusCode(), viewer.body());
    assertTrue(json(viewer).getString("message").contains("'operator'"), viewer.body());
    HttpResponse<String> noRole =
        postEvent(device, device, jwt(key, issuer, "setpoint-admins", now, now + 600));
    assertEquals(403, noRole.statusCode(), noRole.body());
    assertTrue(json(noRole).getString("message").contains("grant no role"), noRole.body());

    // The control: the same key and issuer with the operator group are accepted.
    HttpResponse<String> valid =
        postEvent(device, device, jwt(key, issuer, "operator", now, now + 600));
    assertEquals(201, valid.statusCode(), valid.body());
  }

  @Test
  void healthAndPingArePublicWhateverTheCredential() throws Exception {
    URI root = URI.create("http://" + base.getHost() + ":" + base.getPort() + "/");
    // The WAR is deployed before its startup work (the edge buffer's indexes) is done: wait for
    // that, so the checks below are about access, not about startup.
    await("ingest started")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                HTTP.send(
                            HttpRequest.newBuilder(root.resolve("health/started")).build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode()
                    == 200);
    for (String path : new String[] {"health", "health/live", "health/ready", "health/started"}) {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(root.resolve(path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), path + ": " + response.body());
    }
    assertEquals(200, send("GET", "api/v3/ping", null, null).statusCode());
    assertEquals(200, send("GET", "api/v3/ping", "Bearer nonsense", null).statusCode());
    assertEquals(200, send("GET", "api/v3/ping", "Bearer a.b.c", null).statusCode());
  }

  // --- users and roles -------------------------------------------------------------------------

  /** A user name of this run; test passwords are made per run too. */
  private static String newName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String newPassword() {
    return "pw-" + UUID.randomUUID();
  }

  private static String userBody(String username, String role, String password) {
    return Json.createObjectBuilder()
        .add("username", username)
        .add("role", role)
        .add("password", password)
        .build()
        .toString();
  }

  /** Creates the user as the bootstrap admin; returns its password. */
  private String createUser(String admin, String username, String role) throws Exception {
    String password = newPassword();
    HttpResponse<String> created =
        send("POST", "api/users", "Bearer " + admin, userBody(username, role, password));
    assertEquals(201, created.statusCode(), created.body());
    return password;
  }

  private static String message(HttpResponse<String> response) {
    return json(response).getString("message");
  }

  @Test
  void anAdminCreatesAViewerWhoLogsInAsViewerAndMayReadButNotOperate() throws Exception {
    String admin = OperatorLogin.token(base);
    String name = newName("viewer");
    String password = newPassword();

    HttpResponse<String> created =
        send("POST", "api/users", "Bearer " + admin, userBody(name, "viewer", password));

    assertEquals(201, created.statusCode(), created.body());
    JsonObject user = json(created);
    assertEquals(name, user.getString("username"));
    assertEquals("viewer", user.getString("role"));
    assertFalse(user.getBoolean("disabled"));
    assertFalse(user.getBoolean("bootstrap"));
    Instant.parse(user.getString("createdAt"));
    assertTrue(created.headers().firstValue("Location").orElse("").endsWith("/api/users/" + name));
    assertFalse(created.body().contains(password));

    HttpResponse<String> login = OperatorLogin.login(base, name, password);
    assertEquals(200, login.statusCode(), login.body());
    assertEquals("viewer", json(login).getString("role"));
    String viewer = json(login).getString("access_token");
    assertEquals(List.of("viewer"), strings(claims(viewer).getJsonArray("groups")));
    assertEquals(name, claims(viewer).getString("upn"));

    String device = device();
    assertEquals(
        200, send("GET", "api/v3/device/name/" + device, "Bearer " + viewer, null).statusCode());
    HttpResponse<String> token =
        send("POST", "api/v3/device/name/" + device + "/token", "Bearer " + viewer, null);
    assertEquals(403, token.statusCode(), token.body());
    assertTrue(message(token).contains("'operator'"), token.body());
    assertEquals(403, send("GET", "api/users", "Bearer " + viewer, null).statusCode());

    Document stored =
        mongo.getDatabase("setpoint").getCollection("users").find(Filters.eq("_id", name)).first();
    assertNotNull(stored);
    assertTrue(stored.getString("passwordHash").startsWith("pbkdf2-sha256:"));
    assertTrue(stored.values().stream().noneMatch(v -> String.valueOf(v).contains(password)));
  }

  @Test
  void theUsersApiIsForAdminsOnlyAndListsTheBootstrapUser() throws Exception {
    String admin = OperatorLogin.token(base);
    String operatorName = newName("op");
    String operator =
        OperatorLogin.token(base, operatorName, createUser(admin, operatorName, "operator"));

    HttpResponse<String> asOperator = send("GET", "api/users", "Bearer " + operator, null);
    assertEquals(403, asOperator.statusCode(), asOperator.body());
    assertTrue(message(asOperator).contains("'admin'"), asOperator.body());
    assertEquals(
        403,
        send(
                "POST",
                "api/users",
                "Bearer " + operator,
                userBody(newName("x"), "admin", newPassword()))
            .statusCode());
    assertUnauthorized(send("GET", "api/users", null, null));

    HttpResponse<String> list = send("GET", "api/users", "Bearer " + admin, null);
    assertEquals(200, list.statusCode(), list.body());
    JsonArray users = json(list).getJsonArray("users");
    JsonObject first = users.getJsonObject(0);
    assertEquals(OperatorLogin.USERNAME, first.getString("username"));
    assertEquals("admin", first.getString("role"));
    assertTrue(first.getBoolean("bootstrap"));
    assertTrue(
        users.getValuesAs(JsonObject.class).stream()
            .anyMatch(
                u ->
                    u.getString("username").equals(operatorName)
                        && u.getString("role").equals("operator")
                        && !u.getBoolean("bootstrap")),
        list.body());
  }

  @Test
  void badUserRequestsAre400NamingTheFieldAnd404Or409WhereTheyApply() throws Exception {
    String admin = OperatorLogin.token(base);
    String bearer = "Bearer " + admin;
    String name = newName("bad");

    assertEquals(
        "username",
        field(send("POST", "api/users", bearer, userBody("Not Valid", "viewer", newPassword()))));
    assertEquals(
        "role", field(send("POST", "api/users", bearer, userBody(name, "root", newPassword()))));
    assertEquals(
        "password", field(send("POST", "api/users", bearer, userBody(name, "viewer", "short"))));
    assertEquals(400, send("POST", "api/users", bearer, "{\"username\":7}").statusCode());
    assertEquals(400, send("POST", "api/users", bearer, "[]").statusCode());

    createUser(admin, name, "viewer");
    HttpResponse<String> again =
        send("POST", "api/users", bearer, userBody(name, "admin", newPassword()));
    assertEquals(409, again.statusCode(), again.body());
    HttpResponse<String> bootstrap =
        send(
            "POST", "api/users", bearer, userBody(OperatorLogin.USERNAME, "viewer", newPassword()));
    assertEquals(409, bootstrap.statusCode(), bootstrap.body());

    String ghost = newName("ghost");
    assertEquals(
        404, send("PATCH", "api/users/" + ghost, bearer, "{\"disabled\":true}").statusCode());
    assertEquals(
        404,
        send("PUT", "api/users/" + ghost + "/password", bearer, passwordBody(newPassword()))
            .statusCode());
    assertEquals("role", field(send("PATCH", "api/users/" + name, bearer, "{\"role\":\"boss\"}")));
    assertEquals(
        "disabled", field(send("PATCH", "api/users/" + name, bearer, "{\"disabled\":\"yes\"}")));
    assertEquals(400, send("PATCH", "api/users/" + name, bearer, "{}").statusCode());
    assertEquals(
        "password",
        field(send("PUT", "api/users/" + name + "/password", bearer, passwordBody("short"))));

    HttpResponse<String> editBootstrap =
        send("PATCH", "api/users/" + OperatorLogin.USERNAME, bearer, "{\"role\":\"viewer\"}");
    assertEquals(409, editBootstrap.statusCode(), editBootstrap.body());
    assertEquals(
        409,
        send(
                "PUT",
                "api/users/" + OperatorLogin.USERNAME + "/password",
                bearer,
                passwordBody(newPassword()))
            .statusCode());
  }

  private static String passwordBody(String password) {
    return Json.createObjectBuilder().add("password", password).build().toString();
  }

  /** The field a 400 names: its message starts with it. */
  private static String field(HttpResponse<String> response) {
    assertEquals(400, response.statusCode(), response.body());
    return message(response).substring(0, message(response).indexOf(':'));
  }

  @Test
  void aDisabledUserCannotLogInAndAnAdminCannotLockThemselfOut() throws Exception {
    String admin = OperatorLogin.token(base);
    String name = newName("admin");
    String password = createUser(admin, name, "admin");
    String second = OperatorLogin.token(base, name, password);

    HttpResponse<String> selfDemote =
        send("PATCH", "api/users/" + name, "Bearer " + second, "{\"role\":\"operator\"}");
    assertEquals(409, selfDemote.statusCode(), selfDemote.body());
    assertEquals(
        409,
        send("PATCH", "api/users/" + name, "Bearer " + second, "{\"disabled\":true}").statusCode());

    HttpResponse<String> disabled =
        send("PATCH", "api/users/" + name, "Bearer " + admin, "{\"disabled\":true}");
    assertEquals(200, disabled.statusCode(), disabled.body());
    assertTrue(json(disabled).getBoolean("disabled"));
    HttpResponse<String> refused = OperatorLogin.login(base, name, password);
    assertEquals(401, refused.statusCode(), refused.body());
    // Disabling revoked the tokens issued before.
    HttpResponse<String> revoked = send("GET", "api/users", "Bearer " + second, null);
    assertUnauthorized(revoked);
    assertTrue(message(revoked).contains("revoked"), revoked.body());

    HttpResponse<String> enabled =
        send(
            "PATCH",
            "api/users/" + name,
            "Bearer " + admin,
            "{\"disabled\":false,\"role\":\"viewer\"}");
    assertEquals(200, enabled.statusCode(), enabled.body());
    assertEquals("viewer", json(enabled).getString("role"));
    HttpResponse<String> back = OperatorLogin.login(base, name, password);
    assertEquals(200, back.statusCode(), back.body());
    assertEquals("viewer", json(back).getString("role"));
    // a login right after the change is not caught by it, even in the same second
    String token = json(back).getString("access_token");
    assertEquals(
        200, send("GET", "api/v3/device/name/" + device(), "Bearer " + token, null).statusCode());
  }

  @Test
  void aResetPasswordReplacesTheOldOne() throws Exception {
    String admin = OperatorLogin.token(base);
    String name = newName("reset");
    String old = createUser(admin, name, "operator");
    String fresh = newPassword();

    HttpResponse<String> reset =
        send("PUT", "api/users/" + name + "/password", "Bearer " + admin, passwordBody(fresh));

    assertEquals(204, reset.statusCode(), reset.body());
    assertEquals(401, OperatorLogin.login(base, name, old).statusCode());
    HttpResponse<String> login = OperatorLogin.login(base, name, fresh);
    assertEquals(200, login.statusCode(), login.body());
    assertEquals("operator", json(login).getString("role"));
  }
}
