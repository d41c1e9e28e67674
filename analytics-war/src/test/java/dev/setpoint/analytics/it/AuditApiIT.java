package dev.setpoint.analytics.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditCodec;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * The audit API on the built analytics WAR: records an edge hub sends through the real broker (one
 * undecodable payload ahead of them on their partition, one record delivered twice) are stored once
 * each in the real MongoDB-wire server and served filtered, paged and as CSV; a change made through
 * analytics itself is served alongside; bad parameters are refused naming them. Every name carries
 * this run's id, so earlier runs' records never match.
 */
@ExtendWith(ArquillianExtension.class)
class AuditApiIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AuditCodec CODEC = new AuditCodec();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String DEVICE = "audit-it-" + RUN;
  private static final String ALICE = "alice-" + RUN;
  private static final String BOB = "bob-" + RUN;
  private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(600);

  /** What the hub sent, oldest first: minute i of T0. */
  private static final List<AuditRecord> SENT = new ArrayList<>();

  private static String operator;

  @ArquillianResource private URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/analytics.war"));
  }

  private static AuditRecord record(int minute, String actor, String kind, String action) {
    return CODEC.record(
        UUID.randomUUID().toString(),
        T0.plusSeconds(60L * minute),
        "ingest@it-" + RUN,
        new AuditActor(actor, "operator", "192.0.2.7"),
        AuditChange.of(kind, action, DEVICE)
            .withDevice(DEVICE)
            .withBefore(AuditChange.state("adminState", "UNLOCKED", "note", "a,b \"c\""))
            .withAfter(AuditChange.state("adminState", "LOCKED", "note", "a,b \"c\"")));
  }

  @BeforeAll
  static void send() throws Exception {
    operator = OperatorTokens.operator();
    SENT.add(record(0, ALICE, "device", "create"));
    SENT.add(record(1, ALICE, "device", "lock"));
    SENT.add(record(2, BOB, "command", "update"));
    SENT.add(record(3, ALICE, "command", "update"));
    SENT.add(record(4, BOB, "device", "unlock"));
    try (KafkaProducer<String, String> producer = ItKafka.producer()) {
      // The undecodable payload goes first on the partition of the first record (same key).
      String key = SENT.getFirst().id();
      producer.send(new ProducerRecord<>(Topics.AUDIT, key, "{\"id\":\"broken\"")).get();
      for (AuditRecord r : SENT) {
        producer.send(new ProducerRecord<>(Topics.AUDIT, r.id(), CODEC.encode(r))).get();
      }
      AuditRecord again = SENT.get(2);
      producer.send(new ProducerRecord<>(Topics.AUDIT, again.id(), CODEC.encode(again))).get();
    }
  }

  @AfterAll
  static void close() {
    CODEC.close();
  }

  private HttpResponse<String> get(String query, String token, String accept) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "api/v1/audit" + query))
            .timeout(Duration.ofSeconds(20));
    if (accept != null) {
      request.header("Accept", accept);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonObject page(String query) throws Exception {
    HttpResponse<String> response = get(query, operator, "application/json");
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** The ids of a page's records, in the order served. */
  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("records").stream()
        .map(v -> v.asJsonObject().getString("id"))
        .toList();
  }

  private static List<String> sentIds(int... minutes) {
    List<String> ids = new ArrayList<>();
    for (int m : minutes) {
      ids.add(SENT.get(m).id());
    }
    return ids;
  }

  private void awaitStored() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> page("?device=" + DEVICE).getInt("total") == SENT.size());
  }

  private static String at(Instant t) {
    return URLEncoder.encode(t.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void theHubsRecordsAreServedOnceEachNewestFirstInPagesWithTheirStatesAsObjects()
      throws Exception {
    awaitStored();

    JsonObject first = page("?device=" + DEVICE + "&size=2");
    assertEquals(5, first.getInt("total"), "the redelivered record is stored once");
    assertEquals(0, first.getInt("page"));
    assertEquals(2, first.getInt("size"));
    assertEquals(sentIds(4, 3), ids(first));
    assertEquals(sentIds(2, 1), ids(page("?device=" + DEVICE + "&size=2&page=1")));
    assertEquals(sentIds(0), ids(page("?device=" + DEVICE + "&size=2&page=2")));

    JsonObject lock =
        page("?device=" + DEVICE + "&size=2&page=1").getJsonArray("records").get(1).asJsonObject();
    assertEquals(ALICE, lock.getString("actor"));
    assertEquals("operator", lock.getString("role"));
    assertEquals("192.0.2.7", lock.getString("address"));
    assertEquals("ingest@it-" + RUN, lock.getString("origin"));
    assertEquals("lock", lock.getString("action"));
    assertEquals(T0.plusSeconds(60).toString(), lock.getString("at"));
    assertEquals("UNLOCKED", lock.getJsonObject("before").getString("adminState"));
    assertEquals("LOCKED", lock.getJsonObject("after").getString("adminState"));
  }

  @Test
  void recordsAreFilteredByUserKindAndTime() throws Exception {
    awaitStored();

    assertEquals(sentIds(3, 1, 0), ids(page("?device=" + DEVICE + "&user=" + ALICE)));
    assertEquals(sentIds(3, 2), ids(page("?device=" + DEVICE + "&kind=command")));
    assertEquals(sentIds(4, 2), ids(page("?user=" + BOB)));
    JsonObject window =
        page(
            "?device="
                + DEVICE
                + "&from="
                + at(T0.plusSeconds(60))
                + "&to="
                + at(T0.plusSeconds(180)));
    assertEquals(sentIds(2, 1), ids(window), "from inclusive, to exclusive");
    assertEquals(2, window.getInt("total"));
  }

  @Test
  void csvIsServedForTheFormatOrTheAcceptHeader() throws Exception {
    awaitStored();

    for (HttpResponse<String> csv :
        List.of(
            get("?device=" + DEVICE + "&format=csv", operator, null),
            get("?device=" + DEVICE, operator, "text/csv"))) {
      assertEquals(200, csv.statusCode(), csv.body());
      assertTrue(
          csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"),
          csv.headers().toString());
      String[] lines = csv.body().split("\r\n");
      assertEquals(6, lines.length, csv.body());
      assertTrue(lines[0].startsWith("at,actor,role,address,origin,kind,action"), lines[0]);
      assertTrue(lines[1].startsWith(T0.plusSeconds(240) + "," + BOB + ","), lines[1]);
      assertTrue(
          lines[1].contains("\"{\"\"adminState\"\":\"\"UNLOCKED\"\",\"\"note\"\":\"\"a,b"),
          lines[1]);
    }
  }

  @Test
  void aChangeMadeThroughAnalyticsIsServedWithTheEdges() throws Exception {
    String scope = "site:audit-it-" + RUN;
    HttpResponse<String> set =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        base
                            + "api/v1/alerts/rules/"
                            + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + OperatorTokens.admin()) // rules are an admin's
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"inletWarningC\": 26}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, set.statusCode(), set.body());

    JsonObject rules = page("?kind=alert_rule&user=analytics-it&size=1000");
    JsonObject record =
        rules.getJsonArray("records").stream()
            .map(JsonValue::asJsonObject)
            .filter(r -> r.getString("target").equals(scope))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no record of " + scope + ": " + rules));
    assertEquals("analytics", record.getString("origin"));
    assertEquals("admin", record.getString("role"));
    assertEquals("create", record.getString("action"));
    assertEquals("audit-it-" + RUN, record.getString("site"));
    assertEquals(26.0, record.getJsonObject("after").getJsonNumber("inletWarningC").doubleValue());
    assertTrue(!record.containsKey("before"), record.toString());
  }

  @Test
  void aBadParameterIsRefusedNamingItAndACallerWithoutATokenIsNot() throws Exception {
    for (String[] bad :
        new String[][] {
          {"?from=yesterday", "from"},
          {"?from=" + at(T0) + "&to=" + at(T0), "to"},
          {"?size=0", "size"},
          {"?size=1001", "size"},
          {"?page=-1", "page"},
          {"?kind=Room%20Mode", "kind"},
          {"?format=xml", "format"},
        }) {
      HttpResponse<String> refused = get(bad[0], operator, "application/json");
      assertEquals(400, refused.statusCode(), bad[0] + ": " + refused.body());
      assertEquals(
          bad[1],
          Json.createReader(new StringReader(refused.body())).readObject().getString("parameter"),
          bad[0]);
    }
    assertEquals(401, get("", null, "application/json").statusCode());
  }
}
