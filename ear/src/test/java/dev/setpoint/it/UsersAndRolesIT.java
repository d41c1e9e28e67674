package dev.setpoint.it;

import static dev.setpoint.it.Edge.BASE;
import static dev.setpoint.it.Edge.HTTP;
import static dev.setpoint.it.Edge.awaitReady;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One person's role across the WARs of the EAR: a user the bootstrap admin creates through ingest's
 * users API logs in at ingest and has that role in analytics too, whose access filter reads the
 * same group mapping.
 */
class UsersAndRolesIT {

  @BeforeAll
  static void serverIsReady() {
    awaitReady(Duration.ofSeconds(120));
  }

  private static HttpResponse<String> call(String method, String path, String token, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(BASE + path))
            .timeout(Duration.ofSeconds(15))
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
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** Creates a user of the role as the bootstrap admin, logs them in, returns the login's body. */
  private static JsonObject newUserLogin(String role) throws Exception {
    RoleUsers.User user = RoleUsers.create(role);
    String login =
        Json.createObjectBuilder()
            .add("username", user.username())
            .add("password", user.password())
            .build()
            .toString();
    HttpResponse<String> token = call("POST", "/api/auth/token", null, login);
    assertEquals(200, token.statusCode(), token.body());
    return json(token);
  }

  @Test
  void aCreatedViewerReadsInBothWarsAndIsRefusedWhatAnOperatorDoes() throws Exception {
    JsonObject login = newUserLogin("viewer");
    assertEquals("viewer", login.getString("role"));
    String viewer = login.getString("access_token");

    assertEquals(200, call("GET", "/api/v3/device/all", viewer, null).statusCode());
    assertEquals(200, call("GET", "/analytics/api/v1/rooms", viewer, null).statusCode());

    HttpResponse<String> command =
        call("PUT", "/api/v3/device/name/any-device/setpoint", viewer, "{\"setpoint\":\"24\"}");
    assertEquals(403, command.statusCode(), command.body());
    HttpResponse<String> mode =
        call("PUT", "/analytics/api/v1/rooms/any-room/mode", viewer, "{\"mode\":\"off\"}");
    assertEquals(403, mode.statusCode(), mode.body());
    assertTrue(json(mode).getString("message").contains("'operator'"), mode.body());
  }

  @Test
  void anOperatorIsRefusedWhatOnlyAnAdminDoesInBothWars() throws Exception {
    JsonObject login = newUserLogin("operator");
    assertEquals("operator", login.getString("role"));
    String operator = login.getString("access_token");

    assertEquals(403, call("GET", "/api/users", operator, null).statusCode());
    assertEquals(
        403,
        call("GET", "/analytics/api/v1/notifications/subscriptions", operator, null).statusCode());
    assertEquals(403, call("POST", "/analytics/api/v1/model/reload", operator, null).statusCode());
    assertEquals(
        200,
        call("GET", "/analytics/api/v1/notifications/subscriptions", Edge.operatorToken(), null)
            .statusCode());
  }
}
