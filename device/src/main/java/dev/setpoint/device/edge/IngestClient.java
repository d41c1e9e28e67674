package dev.setpoint.device.edge;

import dev.setpoint.contracts.edgex.AddDeviceRequest;
import dev.setpoint.contracts.edgex.EventResponse;
import dev.setpoint.contracts.edgex.Reading;
import dev.setpoint.contracts.enrolment.Enrolment;
import dev.setpoint.contracts.enrolment.EnrolmentResponse;
import dev.setpoint.device.buffer.Attempt;
import dev.setpoint.device.buffer.Delivery;
import dev.setpoint.device.buffer.PendingEvent;
import dev.setpoint.device.config.IngestConfig;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The agent's side of ingest's HTTP API: Core Data event posts and Core Command reads with the
 * device's own token, and the enrolment that trades an operator's one-time code for those tokens.
 * One instance (one connection pool) serves a whole fleet.
 */
public final class IngestClient {
  private static final Logger LOG = Logger.getLogger(IngestClient.class.getName());

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

  /**
   * Posts an event; never throws: a failure to reach ingest is a {@link Delivery#RETRY} attempt. A
   * retry carries ingest's {@code Retry-After} (429, 507, 503), a refusal for good is logged (see
   * {@link Delivery} for the rules).
   */
  public Attempt post(PendingEvent event, String token) {
    try {
      HttpResponse<String> response =
          send(
              request(event.path(), token)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(event.body()))
                  .build());
      Attempt attempt =
          Attempt.ofAnswer(
              response.statusCode(), response.headers().firstValue("Retry-After"), Instant.now());
      if (attempt.delivery() == Delivery.REJECTED || response.statusCode() == 401) {
        LOG.warning(
            () ->
                event.device()
                    + ": ingest answered "
                    + response.statusCode()
                    + " to an event: "
                    + response.body());
      } else if (response.statusCode() == 429 || response.statusCode() == 507) {
        LOG.info(
            () ->
                event.device()
                    + ": ingest answered "
                    + response.statusCode()
                    + ", retrying after "
                    + attempt.retryAfter().toSeconds()
                    + " s: "
                    + response.body());
      }
      return attempt;
    } catch (IOException e) {
      LOG.fine(() -> event.device() + ": " + e.getMessage());
      return Attempt.unreachable();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Attempt.unreachable();
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
   * Trades an enrolment code for the devices' tokens ({@code POST /api/enrolment}): all of them
   * enrolled, or none.
   *
   * @return one enrolled device per request element, in order
   * @throws EnrolmentRefusedException ingest refused: the code (401), what it allows (403), a
   *     device (400, 404, 409) or too many refused codes from this address (429)
   * @throws IngestUnavailableException unreachable, or 502/503/504: worth trying again
   */
  public List<EnrolmentResponse.EnrolledDevice> enrol(String code, List<AddDeviceRequest> devices)
      throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(base + Enrolment.PATH))
                .timeout(timeout)
                .header(Enrolment.CODE_HEADER, code)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonb.toJson(devices)))
                .build());
    int status = response.statusCode();
    if (status == 502 || status == 503 || status == 504) {
      throw failure("enrolment", response);
    }
    if (status != 201) {
      throw new EnrolmentRefusedException(status, message(response));
    }
    EnrolmentResponse answer;
    try {
      answer = jsonb.fromJson(response.body(), EnrolmentResponse.class);
    } catch (JsonbException e) {
      throw new IOException("the enrolment answer is not the expected JSON: " + e.getMessage(), e);
    }
    if (answer.devices() == null || answer.devices().size() != devices.size()) {
      throw new IOException(
          "enrolling "
              + devices.size()
              + " devices answered "
              + (answer.devices() == null ? 0 : answer.devices().size()));
    }
    return answer.devices();
  }

  /** The {@code message} of an EdgeX error body, or the body itself. */
  private static String message(HttpResponse<String> response) {
    try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
      String message = reader.readObject().getString("message", null);
      if (message != null) {
        return message;
      }
    } catch (RuntimeException e) {
      // not an EdgeX error body: show it as it is
    }
    return status(response);
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
