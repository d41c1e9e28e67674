package dev.setpoint.device.edge;

import dev.setpoint.contracts.edgex.AddDeviceRequest;
import dev.setpoint.contracts.edgex.AddDeviceResponse;
import dev.setpoint.contracts.edgex.EventResponse;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.device.buffer.Delivery;
import dev.setpoint.device.buffer.PendingEvent;
import dev.setpoint.device.config.IngestConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The agent's side of ingest's HTTP API: Core Data event posts, Core Command reads with the
 * device's own token, Core Metadata device registration, device token issue and operator login with
 * an operator's token. One instance (one connection pool) serves a whole fleet.
 */
public final class IngestClient {
  private static final Logger LOG = Logger.getLogger(IngestClient.class.getName());
  private static final Type ADD_DEVICE_RESPONSES =
      new ArrayList<AddDeviceResponse>() {}.getClass().getGenericSuperclass();

  private final URI base;
  private final HttpClient http;
  private final Duration timeout;
  private final Jsonb jsonb;

  /**
   * A client of a hub that the JDK's trusted CAs vouch for (or of a loopback {@code http} URL).
   *
   * @param base ingest's root, e.g. {@code https://hub.example.com:9443}
   * @param timeout for each request
   */
  public IngestClient(URI base, Duration timeout) {
    this(
        base,
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .sslParameters(HubTls.parameters())
            .build(),
        timeout,
        JsonbBuilder.create());
  }

  /**
   * A client of the hub in the configuration, verified as its {@code ingest.tls.*} settings say: a
   * pin accepts that certificate and nothing else, a CA file its certificates; a failed check
   * refuses the connection and never falls back to other trust.
   *
   * @throws IOException the CA file cannot be read
   */
  public IngestClient(IngestConfig config) throws IOException {
    this(
        config.url(),
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.timeout())
            .sslContext(HubTls.context(config.trust(), config.url().toString()))
            .sslParameters(HubTls.parameters())
            .build(),
        config.timeout(),
        JsonbBuilder.create());
  }

  IngestClient(URI base, HttpClient http, Duration timeout, Jsonb jsonb) {
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    this.http = http;
    this.timeout = timeout;
    this.jsonb = jsonb;
  }

  public Jsonb jsonb() {
    return jsonb;
  }

  /** The path of Core Data's event post for one device and source. */
  public static String eventPath(String service, String profile, String device, String source) {
    return "/api/v3/event/"
        + segment(service)
        + "/"
        + segment(profile)
        + "/"
        + segment(device)
        + "/"
        + segment(source);
  }

  /** Posts an event; never throws: a failure to reach ingest is {@link Delivery#RETRY}. */
  public Delivery post(PendingEvent event, String token) {
    try {
      HttpResponse<String> response =
          send(
              request(event.path(), token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(event.body()))
                  .build());
      Delivery delivery = Delivery.ofStatus(response.statusCode());
      if (delivery == Delivery.REJECTED || response.statusCode() == 401) {
        LOG.warning(
            () ->
                event.device()
                    + ": ingest answered "
                    + response.statusCode()
                    + " to an event: "
                    + response.body());
      }
      return delivery;
    } catch (IOException e) {
      LOG.fine(() -> event.device() + ": " + e.getMessage());
      return Delivery.RETRY;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Delivery.RETRY;
    }
  }

  /**
   * Reads one resource of a device's Core Command ({@code GET /api/v3/device/name/{device}/
   * {command}}) with the device's token.
   *
   * @return the value, or empty when ingest has none yet (404: neither commanded nor reported)
   * @throws IOException unreachable, or any other answer
   */
  public Optional<String> readCommand(String device, String command, String token)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            request("/api/v3/device/name/" + segment(device) + "/" + segment(command), token)
                .GET()
                .build());
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw failure("Core Command read of " + device + "/" + command, response);
    }
    try {
      EventResponse answer = jsonb.fromJson(response.body(), EventResponse.class);
      if (answer.event() == null || answer.event().readings() == null) {
        throw new IOException("Core Command answer without an event: " + response.body());
      }
      return answer.event().readings().stream()
          .filter(r -> command.equals(r.resourceName()))
          .map(Reading::value)
          .findFirst();
    } catch (JsonbException e) {
      throw new IOException("Core Command answer is not an event: " + e.getMessage(), e);
    }
  }

  /**
   * Adds devices in one Core Metadata batch (at most 100) with an operator's token.
   *
   * @return one answer per device, in order: 201 with the device's token, or e.g. 409
   */
  public List<AddDeviceResponse> addDevices(List<AddDeviceRequest> devices, String operatorToken)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            request("/api/v3/device", operatorToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonb.toJson(devices)))
                .build());
    if (response.statusCode() != 207) {
      throw failure("adding devices", response);
    }
    List<AddDeviceResponse> answers = jsonb.fromJson(response.body(), ADD_DEVICE_RESPONSES);
    if (answers.size() != devices.size()) {
      throw new IOException(
          "adding " + devices.size() + " devices answered " + answers.size() + " elements");
    }
    return answers;
  }

  /** Issues (rotates) a device's token with an operator's token; the old one stops working. */
  public String issueToken(String device, String operatorToken)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            request("/api/v3/device/name/" + segment(device) + "/token", operatorToken)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    if (response.statusCode() != 201) {
      throw failure("issuing the token of " + device, response);
    }
    return field(response.body(), "token");
  }

  /** Logs in at ingest's local operator issuer ({@code POST /api/auth/token}). */
  public String login(String username, String password) throws IOException, InterruptedException {
    String body =
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString();
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(base.resolve("/api/auth/token"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    if (response.statusCode() != 200) {
      throw failure("operator login", response);
    }
    return field(response.body(), "access_token");
  }

  /** Sends a request; a transport failure is {@link IngestUnavailableException}. */
  private HttpResponse<String> send(HttpRequest request)
      throws IngestUnavailableException, InterruptedException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      // ConnectException and HttpTimeoutException often carry no message of their own.
      throw new IngestUnavailableException(
          "ingest at "
              + base
              + " unreachable: "
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage()),
          e);
    }
  }

  /** The error of an unexpected answer: a 502, 503 or 504 is worth retrying, the rest is not. */
  private static IOException failure(String what, HttpResponse<String> response) {
    String message = what + " answered " + status(response);
    int code = response.statusCode();
    return code == 502 || code == 503 || code == 504
        ? new IngestUnavailableException(message)
        : new IOException(message);
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static String field(String json, String name) throws IOException {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      String value = object.getString(name, null);
      if (value == null || value.isEmpty()) {
        throw new IOException("answer has no " + name);
      }
      return value;
    } catch (RuntimeException e) {
      throw new IOException("answer is not the expected JSON object: " + e.getMessage(), e);
    }
  }

  private static String status(HttpResponse<String> response) {
    String body = response.body();
    return response.statusCode()
        + (body == null || body.isEmpty()
            ? ""
            : ": " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
  }

  private static String segment(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
