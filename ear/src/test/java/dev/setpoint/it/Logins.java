package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The end-to-end tests' access to the local issuer and its users for tests outside this package
 * (the security suite): logins as a client at a given address, calls with a bearer token, users of
 * a role made for the run. Requests go through {@link Edge}'s client to {@link Edge#BASE}, so they
 * follow the test server wherever it listens.
 *
 * <p>The EAR test server believes {@code X-Forwarded-For} from loopback (its {@code
 * trusted-proxies} is {@code 127.0.0.1}), so a test acts as a client at any address by naming it.
 */
public final class Logins {
  private Logins() {}

  /** A user of the run: name, password and role. */
  public record User(String username, String password, String role) {}

  /** The test server's base URL. */
  public static String base() {
    return Edge.BASE;
  }

  /** Waits until the test server answers ready. */
  public static void awaitReady(Duration atMost) {
    Edge.awaitReady(atMost);
  }

  /** A new user of the role, added by the bootstrap admin. */
  public static User newUser(String role) throws Exception {
    RoleUsers.User user = RoleUsers.create(role);
    return new User(user.username(), user.password(), user.role());
  }

  /** {@code POST /api/auth/token} as a client at {@code address} (null: the test's own). */
  public static HttpResponse<String> login(String username, String password, String address)
      throws Exception {
    String body =
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString();
    return call("POST", "/api/auth/token", null, body, address);
  }

  /** The access token of a login that must succeed, with its refresh token. */
  public static JsonObject loggedIn(User user, String address) throws Exception {
    HttpResponse<String> response = login(user.username(), user.password(), address);
    assertEquals(200, response.statusCode(), response.body());
    return json(response);
  }

  /**
   * A request to the test server.
   *
   * @param token the bearer token, or null
   * @param json the body, or null for none
   * @param address the client address to claim in {@code X-Forwarded-For}, or null
   */
  public static HttpResponse<String> call(
      String method, String path, String token, String json, String address) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(Edge.BASE + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (address != null) {
      request.header("X-Forwarded-For", address);
    }
    return Edge.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request as the bootstrap admin (the password {@code ./setpoint test} made). */
  public static HttpResponse<String> asBootstrapAdmin(String method, String path, String json)
      throws Exception {
    return call(method, path, Edge.operatorToken(), json, null);
  }

  /** The response's JSON object. */
  public static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
