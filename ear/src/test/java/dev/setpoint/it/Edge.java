package dev.setpoint.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.telemetry.CommandCodec;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The end-to-end tests' client of the EAR test server, of InfluxDB and of the broker: operator
 * login, device registration, event posts, health, InfluxQL reads, the recommender's commands. Each
 * call is a real request.
 */
public final class Edge {
  /**
   * The test server's certificate (PEM), made with the test data by {@code ./setpoint test}: the
   * one certificate the tests' clients, device agents and browser trust.
   */
  public static final Path HUB_CERTIFICATE =
      Path.of(System.getProperty("setpoint.it.tls.certificate", ""));

  private static final X509Certificate CERTIFICATE = hubCertificate();

  static final HttpClient HTTP = client().connectTimeout(Duration.ofSeconds(5)).build();

  /** The test server over HTTPS, e.g. {@code https://127.0.0.1:19440}. */
  public static final String BASE = System.getProperty("setpoint.it.base.url");

  static final String INFLUX = System.getProperty("setpoint.it.influx.url");

  /** Devices registered through Core Metadata so far; ingest accepts events of these only. */
  private static final Set<String> REGISTERED = ConcurrentHashMap.newKeySet();

  private static volatile String operatorToken;
  // System.nanoTime() after which the cached token is renewed (it lives 10 min by default).
  private static volatile long operatorTokenRenewAt;

  private Edge() {}

  /**
   * An HTTP client builder that trusts the test server's certificate and nothing else (the host
   * name is checked against it as usual).
   */
  public static HttpClient.Builder client() {
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      anchors.setCertificateEntry("setpoint-it-hub", CERTIFICATE);
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(anchors);
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, trust.getTrustManagers(), null);
      return HttpClient.newBuilder().sslContext(tls);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot trust " + HUB_CERTIFICATE + ": " + e.getMessage(), e);
    }
  }

  /**
   * The SHA-256 fingerprint of the test server's certificate, as a device agent's {@code
   * ingest.tls.pin} takes it (and {@code ./setpoint fingerprint} prints it).
   */
  public static String hubPin() {
    try {
      return HexFormat.ofDelimiter(":")
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(CERTIFICATE.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The Base64 SHA-256 of the test server's public key (SPKI), the form of Chromium's {@code
   * --ignore-certificate-errors-spki-list}.
   */
  public static String hubSpki() {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256").digest(CERTIFICATE.getPublicKey().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate hubCertificate() {
    if (HUB_CERTIFICATE.toString().isEmpty() || !Files.isReadable(HUB_CERTIFICATE)) {
      throw new IllegalStateException(
          "setpoint.it.tls.certificate ('"
              + HUB_CERTIFICATE
              + "') is not the test server's certificate; run the tests with ./setpoint test, which"
              + " makes it");
    }
    try (InputStream in = Files.newInputStream(HUB_CERTIFICATE)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read " + HUB_CERTIFICATE + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits until the server answers ready, as after its start. Starts the weather stand-in first, as
   * the server's relay asks it for the outdoor weather of every event.
   */
  public static void awaitReady(Duration atMost) {
    WeatherStandIn.ensureStarted();
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> readiness().statusCode() == 200);
  }

  public static HttpResponse<String> get(String uri) throws Exception {
    return get(uri, null);
  }

  /** A GET with {@code Authorization: Bearer <token>}, or without one for a null token. */
  public static HttpResponse<String> get(String uri, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(15));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A request with a JSON body ({@code PUT}, {@code POST}) as the operator. */
  static HttpResponse<String> send(String method, String uri, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(uri))
            .timeout(Duration.ofSeconds(15))
            .header("Authorization", "Bearer " + operatorToken())
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * An operator JWT from the server's local issuer, logging in with the password that {@code
   * ./setpoint test} made (an operator may post for any device); kept until a minute before it
   * expires.
   */
  public static String operatorToken() throws Exception {
    if (operatorToken == null || System.nanoTime() - operatorTokenRenewAt > 0) {
      String login =
          Json.createObjectBuilder()
              .add("username", "operator")
              .add("password", operatorPassword())
              .build()
              .toString();
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(BASE + "/api/auth/token"))
                  .header("Content-Type", "application/json")
                  .timeout(Duration.ofSeconds(15))
                  .POST(HttpRequest.BodyPublishers.ofString(login))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, response.statusCode(), response.body());
      JsonObject body = Json.createReader(new StringReader(response.body())).readObject();
      // a fresh login a minute before the token expires, so a long run never sends an expired one
      operatorTokenRenewAt =
          System.nanoTime()
              + Duration.ofSeconds(Math.max(0, body.getInt("expires_in") - 60)).toNanos();
      operatorToken = body.getString("access_token");
    }
    return operatorToken;
  }

  /** The test operator's password, from the mode-600 file {@code ./setpoint test} made. */
  static String operatorPassword() throws Exception {
    String file = System.getProperty("setpoint.it.operator.password.file", "");
    if (file.isBlank()) {
      throw new IllegalStateException(
          "setpoint.it.operator.password.file is not set; run the tests with ./setpoint test");
    }
    return Files.readString(Path.of(file)).strip();
  }

  static HttpResponse<String> readiness() throws Exception {
    return get(BASE + "/health/ready");
  }

  /** The status of one named check in /health/ready. */
  static String check(String name) throws Exception {
    JsonObject check = checkBody(name);
    return check == null ? "MISSING" : check.getString("status");
  }

  static JsonObject checkBody(String name) throws Exception {
    JsonObject health = Json.createReader(new StringReader(readiness().body())).readObject();
    for (JsonValue value : health.getJsonArray("checks")) {
      JsonObject check = value.asJsonObject();
      if (name.equals(check.getString("name"))) {
        return check;
      }
    }
    return null;
  }

  /** Registers a device of the shipped room-sensor profile and the device agent's service. */
  static void register(String device) throws Exception {
    if (!REGISTERED.contains(device)) {
      registerWithToken(device);
    }
  }

  /** Registers a new room-sensor device and answers the device token its 207 element carries. */
  static String registerWithToken(String device) throws Exception {
    return registerWithToken(device, "room-sensor");
  }

  /**
   * Registers a new device of one of the shipped profiles and answers the device token its 207
   * element carries.
   */
  static String registerWithToken(String device, String profile) throws Exception {
    return registerWithToken(device, profile, List.of());
  }

  /** Registers a new room sensor in a room (its {@code room:} label); later posts need no more. */
  public static void registerInRoom(String device, String room) throws Exception {
    registerWithToken(device, "room-sensor", List.of("room:" + room));
  }

  /**
   * Registers a new device of one of the shipped profiles with labels and answers the device token
   * its 207 element carries.
   */
  static String registerWithToken(String device, String profile, List<String> labels)
      throws Exception {
    JsonArray labelArray = Json.createArrayBuilder(labels).build();
    String body =
        """
        [{"apiVersion":"v3","device":{"name":"%s","adminState":"UNLOCKED","operatingState":"UP",
          "serviceName":"setpoint-device-agent","profileName":"%s","labels":%s,
          "protocols":{"http":{"host":"127.0.0.1"}}}}]
        """
            .formatted(device, profile, labelArray);
    // A store a fault test has just killed and restarted may refuse the first request (503, the
    // client's pooled connections to the old process); an agent asks again, and so does this.
    AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
    await("the registration of " + device + " is answered by a store that is up")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              answer.set(
                  HTTP.send(
                      HttpRequest.newBuilder(URI.create(BASE + "/api/v3/device"))
                          .header("Content-Type", "application/json")
                          .header("Authorization", "Bearer " + operatorToken())
                          .timeout(Duration.ofSeconds(15))
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build(),
                      HttpResponse.BodyHandlers.ofString()));
              return answer.get().statusCode() != 503
                  && !answer.get().body().contains("\"statusCode\":503");
            });
    HttpResponse<String> response = answer.get();
    assertEquals(207, response.statusCode(), response.body());
    JsonObject added =
        Json.createReader(new StringReader(response.body())).readArray().getJsonObject(0);
    assertEquals(201, added.getInt("statusCode"), response.body());
    REGISTERED.add(device);
    return added.getString("token");
  }

  /** A now-timestamped event, posted as the operator. */
  public static HttpResponse<String> post(String device, double temperature, double humidity)
      throws Exception {
    return post(device, temperature, humidity, "Bearer " + operatorToken());
  }

  static HttpResponse<String> post(
      String device, double temperature, double humidity, String authorization) throws Exception {
    return post(
        device,
        System.currentTimeMillis() * 1_000_000L + System.nanoTime() % 1_000_000L,
        temperature,
        humidity,
        authorization);
  }

  /** An event of the given origin (nanoseconds), so a test knows every point's timestamp. */
  static HttpResponse<String> post(
      String device, long origin, double temperature, double humidity, String authorization)
      throws Exception {
    register(device);
    String body =
        """
        {"apiVersion":"v3","event":{"apiVersion":"v3","id":"%s","deviceName":"%s",
         "profileName":"room-sensor","sourceName":"climate","origin":%d,"readings":[
          {"resourceName":"temperature","valueType":"Float64","value":"%s","units":"degC"},
          {"resourceName":"humidity","valueType":"Float64","value":"%s","units":"%%RH"}]}}
        """
            .formatted(
                UUID.randomUUID(),
                device,
                origin,
                Double.toString(temperature),
                Double.toString(humidity));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    BASE
                        + "/api/v3/event/setpoint-device-agent/room-sensor/"
                        + device
                        + "/climate"))
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(15))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A producer to the test stack's broker, as the relay's: every record acknowledged by all. */
  static KafkaProducer<String, String> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            System.getProperty("setpoint.it.kafka.bootstrap"),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  /**
   * Sends the recommender's setpoint for a device onto {@code setpoint.commands}, as analytics
   * does, and waits for the broker's acknowledgement.
   */
  static void recommend(String device, String value, long issuedAt, String reason)
      throws Exception {
    try (CommandCodec codec = new CommandCodec();
        KafkaProducer<String, String> producer = producer()) {
      CommandMessage command =
          new CommandMessage(
              CommandMessage.SCHEMA_VERSION,
              UUID.randomUUID().toString(),
              device,
              "setpoint",
              value,
              CommandSource.RECOMMENDER,
              issuedAt,
              reason,
              "it");
      producer.send(new ProducerRecord<>(Topics.COMMANDS, device, codec.encode(command))).get();
    }
  }

  /** The rows of an InfluxQL query on database setpoint: each row's values, time first. */
  static List<JsonArray> influx(String query) throws Exception {
    HttpResponse<String> response =
        get(INFLUX + "/query?db=setpoint&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), response.body());
    JsonObject result =
        Json.createReader(new StringReader(response.body()))
            .readObject()
            .getJsonArray("results")
            .getJsonObject(0);
    List<JsonArray> rows = new ArrayList<>();
    if (result.containsKey("series")) {
      for (JsonValue row : result.getJsonArray("series").getJsonObject(0).getJsonArray("values")) {
        rows.add(row.asJsonArray());
      }
    }
    return rows;
  }

  /** temperature and humidity of the device's points, oldest first. */
  static List<double[]> climate(String device) throws Exception {
    List<double[]> rows = new ArrayList<>();
    for (JsonArray values :
        influx("SELECT temperature, humidity FROM climate WHERE device = '" + device + "'")) {
      rows.add(
          new double[] {
            values.getJsonNumber(1).doubleValue(), values.getJsonNumber(2).doubleValue()
          });
    }
    return rows;
  }

  static void awaitPoints(String device, int count) {
    awaitPoints(device, count, Duration.ofSeconds(90));
  }

  static void awaitPoints(String device, int count, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> climate(device).size() >= count);
  }
}
