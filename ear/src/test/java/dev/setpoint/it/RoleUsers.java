package dev.setpoint.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Users of a given role for the end-to-end tests, added through ingest's users API by the
 * configured bootstrap user (an admin), each with a name and a password made for this run.
 */
final class RoleUsers {
  private RoleUsers() {}

  /** A user the test may log in as. */
  record User(String username, String password, String role) {}

  /** Adds a new user of the role ({@code viewer}, {@code operator} or {@code admin}). */
  static User create(String role) throws Exception {
    User user =
        new User(
            "it-" + role + "-" + UUID.randomUUID().toString().substring(0, 8),
            UUID.randomUUID() + "-" + UUID.randomUUID(),
            role);
    String body =
        Json.createObjectBuilder()
            .add("username", user.username())
            .add("role", role)
            .add("password", user.password())
            .build()
            .toString();
    HttpResponse<String> created = Edge.send("POST", Edge.BASE + "/api/users", body);
    assertEquals(201, created.statusCode(), created.body());
    return user;
  }
}
