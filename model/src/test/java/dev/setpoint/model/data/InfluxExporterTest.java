package dev.setpoint.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.influxdb.client.InfluxDBClient;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The export against a JDK HTTP server that answers like InfluxDB 1.x's /query in CSV. */
class InfluxExporterTest {
  private HttpServer server;
  private final List<String> queries = new ArrayList<>();
  private final List<String> auth = new ArrayList<>();
  private volatile int status = 200;

  private final List<String> accept = new ArrayList<>();
  private final List<String> epoch = new ArrayList<>();
  private volatile String errorHeader;

  /** InfluxDB 1.x's CSV: tags as one cell, an empty tag left out, an absent value empty. */
  private static final String DAY1 =
      """
      name,tags,time,temperature,humidity,outdoor_temperature,outdoor_humidity,weather_category,current_setpoint
      climate,"device=rack-1,site=gwangju",1751328000000,24.5,45.25,28,80,7,22.5
      climate,"device=rack-1,site=gwangju",1751328060000,24.75,45,,,,22.5
      climate,device=rack-2,1751328030000,23,50,28,80,1,21
      """;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/query",
        exchange -> {
          Map<String, String> params = new HashMap<>();
          for (String raw :
              List.of(
                  exchange.getRequestURI().getRawQuery(),
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))) {
            for (String part : raw.split("&")) {
              String[] kv = part.split("=", 2);
              if (kv.length == 2) {
                params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
              }
            }
          }
          assertEquals("setpoint", params.get("db"));
          String q = params.getOrDefault("q", "");
          queries.add(q);
          epoch.add(params.get("epoch"));
          accept.add(exchange.getRequestHeaders().getFirst("Accept"));
          auth.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          String body =
              errorHeader != null
                  ? "error\n" + errorHeader + "\n"
                  : status != 200
                      ? "{\"error\":\"database not found: setpoint\"}"
                      : q.contains("2025-07-01T00:00:00Z") ? DAY1 : "";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add("Content-Type", status != 200 ? "application/json" : "application/csv");
          if (errorHeader != null) {
            exchange.getResponseHeaders().add("X-Influxdb-Error", errorHeader);
          }
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    clients.forEach(InfluxDBClient::close);
    server.stop(0);
  }

  private final List<InfluxDBClient> clients = new ArrayList<>();

  private InfluxExporter exporter(String token) {
    InfluxDBClient client =
        InfluxExporter.client(
            URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), token);
    clients.add(client);
    return new InfluxExporter(client.getInfluxQLQueryApi(), "setpoint");
  }

  @Test
  void exportsDayByDayIntoTheCsvTrainingReads() throws Exception {
    StringWriter csv = new StringWriter();
    ClimateCsv.writeHeader(csv);
    List<Instant> progress = new ArrayList<>();
    long rows =
        exporter("t0ken")
            .export(
                Instant.parse("2025-07-01T00:00:00Z"),
                Instant.parse("2025-07-02T12:00:00Z"),
                Duration.ofSeconds(60),
                Duration.ofDays(1),
                null,
                row -> {
                  try {
                    ClimateCsv.write(csv, row);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                },
                progress::add);
    assertEquals(3, rows);
    assertEquals(2, queries.size());
    assertEquals(List.of("Token t0ken", "Token t0ken"), auth);
    assertEquals(List.of("application/csv", "application/csv"), accept);
    assertEquals(List.of("ms", "ms"), epoch);
    assertEquals(Instant.parse("2025-07-02T12:00:00Z"), progress.get(1));
    assertTrue(queries.get(0).contains("FROM \"climate\""), queries.get(0));
    assertTrue(
        queries
            .get(0)
            .contains("time >= '2025-07-01T00:00:00Z' AND time < '2025-07-02T00:00:00Z'"));
    assertTrue(queries.get(0).endsWith("GROUP BY time(60s), \"device\", \"site\" fill(none)"));
    assertTrue(queries.get(1).contains("time < '2025-07-02T12:00:00Z'"));

    String[] lines = csv.toString().split("\n");
    assertEquals(4, lines.length);
    assertEquals(
        "2025-07-01T00:00:00Z,rack-1,gwangju,24.500,45.250,28.000,80.000,7,22.500", lines[1]);
    assertEquals("2025-07-01T00:00:30Z,rack-2,,23.000,50.000,28.000,80.000,1,21.000", lines[2]);
    assertEquals("2025-07-01T00:01:00Z,rack-1,gwangju,24.750,45.000,,,,22.500", lines[3]);

    List<ClimateRow> back =
        ClimateCsv.read(new BufferedReader(new StringReader(csv.toString())), "export");
    assertEquals(3, back.size());
    assertEquals(7, back.get(0).sample().weatherCategory());
    assertTrue(back.get(0).sample().isComplete());
    assertTrue(Double.isNaN(back.get(2).sample().outdoorTemperatureC()));
    assertEquals(0, back.get(2).sample().weatherCategory());
  }

  @Test
  void filtersByDeviceWithQuotesEscaped() {
    String q =
        InfluxExporter.query(
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-01-02T00:00:00Z"),
            Duration.ofMinutes(1),
            "rack-'1'");
    assertTrue(q.contains("AND \"device\" = 'rack-\\'1\\''"), q);
  }

  @Test
  void theStatementAveragesPerIntervalAndKeepsTheLastCategoryAndSetpoint() {
    assertEquals(
        "SELECT mean(\"temperature\") AS \"temperature\", mean(\"humidity\") AS \"humidity\","
            + " mean(\"outdoor_temperature\") AS \"outdoor_temperature\","
            + " mean(\"outdoor_humidity\") AS \"outdoor_humidity\","
            + " last(\"weather_category\") AS \"weather_category\","
            + " last(\"current_setpoint\") AS \"current_setpoint\" FROM \"climate\""
            + " WHERE time >= '2025-01-01T00:00:00Z' AND time < '2025-01-02T00:00:00Z'"
            + " AND \"device\" = 'rack-1' GROUP BY time(300s), \"device\", \"site\" fill(none)",
        InfluxExporter.query(
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-01-02T00:00:00Z"),
            Duration.ofMinutes(5),
            "rack-1"));
  }

  @Test
  void aBackslashBeforeAQuoteCannotEndTheDeviceLiteral() {
    String q =
        InfluxExporter.query(
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2025-01-02T00:00:00Z"),
            Duration.ofMinutes(1),
            "x\\' OR '1'='1");
    assertTrue(q.contains("AND \"device\" = 'x\\\\\\' OR \\'1\\'=\\'1' GROUP BY"), q);
  }

  @Test
  void reportsTheReasonInfluxDbPutsInItsErrorHeader() {
    status = 400;
    errorHeader = "error parsing query: found EOF, expected FROM";
    IOException e = exportOneDayFails();
    assertTrue(e.getMessage().contains("400"), e.getMessage());
    assertTrue(e.getMessage().contains("found EOF, expected FROM"), e.getMessage());
  }

  @Test
  void reportsInfluxErrors() {
    status = 404;
    IOException e = exportOneDayFails();
    assertTrue(e.getMessage().contains("404"), e.getMessage());
    assertTrue(e.getMessage().contains("database not found"), e.getMessage());
    assertEquals(List.of("null"), auth);
  }

  private IOException exportOneDayFails() {
    return assertThrows(
        IOException.class,
        () ->
            exporter(null)
                .export(
                    Instant.parse("2025-07-01T00:00:00Z"),
                    Instant.parse("2025-07-02T00:00:00Z"),
                    Duration.ofSeconds(60),
                    Duration.ofDays(1),
                    null,
                    row -> {},
                    t -> {}));
  }
}
