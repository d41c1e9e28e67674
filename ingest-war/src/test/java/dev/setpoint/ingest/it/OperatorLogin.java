package dev.setpoint.ingest.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logs the bootstrap user ({@code operator}, an admin) in at the server's local issuer, with the
 * password that {@code ./setpoint test} made and passed as {@code
 * setpoint.it.operator.password.file}; and any other user with theirs.
 */
final class OperatorLogin {
  static final String USERNAME = "operator";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private OperatorLogin() {}

  static String password() {
    String file = System.getProperty("setpoint.it.operator.password.file", "");
    if (file.isBlank()) {
      throw new IllegalStateException(
          "setpoint.it.operator.password.file is not set; run the tests with ./setpoint test");
    }
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the test operator's password: " + e, e);
    }
  }

  static HttpResponse<String> login(URL base, String username, String password) throws Exception {
    String body =
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString();
    URI uri = base.toURI().resolve("api/auth/token");
    return HTTP.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A fresh JWT of the bootstrap user, an admin. */
  static String token(URL base) throws Exception {
    return token(base, USERNAME, password());
  }

  /** A fresh JWT of the user. */
  static String token(URL base, String username, String password) throws Exception {
    HttpResponse<String> response = login(base, username, password);
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body()))
        .readObject()
        .getString("access_token");
  }
}
