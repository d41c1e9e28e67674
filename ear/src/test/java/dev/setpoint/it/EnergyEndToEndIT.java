package dev.setpoint.it;

import static dev.setpoint.it.Edge.awaitReady;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.device.Agents;
import dev.setpoint.device.config.Settings;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Energy end to end, at real time: the device agent runs one simulated room (its controller reads
 * the simulator's meter) against the EAR test server; its counters reach InfluxDB through ingest,
 * the relay and Kafka; analytics' roll-up (every 2 s in this server) turns them into the room's
 * hours; and the energy API's figures for the room are the simulator's own counters for the minutes
 * covered: the kWh of the hours add up to the last counter less the first, and so do the monthly
 * report's (JSON, its energy figure, CSV and HTML from the same figures). A pilot is scheduled,
 * read back and stopped through the savings API.
 */
class EnergyEndToEndIT {
  @TempDir Path dir;

  @BeforeAll
  static void serverUp() {
    awaitReady(Duration.ofSeconds(180));
  }

  /** cooling_energy and it_energy of the device's points, oldest first: {time ms, cooling, it}. */
  private static List<double[]> counters(String device) throws Exception {
    return Edge.influx(
            "SELECT cooling_energy, it_energy FROM climate WHERE device = '"
                + device
                + "' AND cooling_energy >= 0")
        .stream()
        .map(
            row ->
                new double[] {
                  Instant.parse(row.getString(0)).toEpochMilli(),
                  row.getJsonNumber(1).doubleValue(),
                  row.getJsonNumber(2).doubleValue()
                })
        .toList();
  }

  private static JsonObject energy(String room, Instant from) throws Exception {
    HttpResponse<String> response =
        Edge.get(
            Edge.BASE
                + "/analytics/api/v1/rooms/"
                + room
                + "/energy?step=hour&from="
                + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8),
            Edge.operatorToken());
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static double sum(JsonObject report, String field) {
    double total = 0;
    for (JsonValue row : report.getJsonArray("rows")) {
      JsonObject r = row.asJsonObject();
      total += r.containsKey(field) ? r.getJsonNumber(field).doubleValue() : 0;
    }
    return total;
  }

  private static HttpResponse<String> report(String room, YearMonth month, String rest)
      throws Exception {
    return Edge.get(
        Edge.BASE + "/analytics/api/v1/rooms/" + room + "/reports/" + month + rest,
        Edge.operatorToken());
  }

  private static JsonObject json(HttpResponse<String> response) {
    assertEquals(200, response.statusCode(), response.body());
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  /** The monthly reports' energy over the months the run touched: {cooling, it}. */
  private static double[] reported(String room, Instant from, Instant to) throws Exception {
    double[] kwh = new double[2];
    for (YearMonth m = YearMonth.from(from.atZone(ZoneOffset.UTC));
        !m.isAfter(YearMonth.from(to.atZone(ZoneOffset.UTC)));
        m = m.plusMonths(1)) {
      JsonObject energy = json(report(room, m, "")).getJsonObject("energy");
      kwh[0] +=
          energy.containsKey("coolingKwh") ? energy.getJsonNumber("coolingKwh").doubleValue() : 0;
      kwh[1] += energy.containsKey("itKwh") ? energy.getJsonNumber("itKwh").doubleValue() : 0;
    }
    return kwh;
  }

  @Test
  void aSimulatedRoomsMeterReadingsBecomeTheRoomsHourlyEnergy() throws Exception {
    String device = "e2e-rc-energy-" + UUID.randomUUID().toString().substring(0, 8);
    Path codeFile = Enrolments.codeFile(dir.resolve("code"), device, "room-controller");
    Instant started = Instant.now();
    String[] args = {
      "--ingest.url=" + Edge.BASE,
      "--ingest.tls.pin=" + Edge.hubPin(),
      "--device.name=" + device,
      "--device.room=" + device,
      "--sensor=simulated",
      "--interval=1s",
      "--state.dir=" + dir.resolve("state"),
      "--enrolment.code-file=" + codeFile
    };
    try (Agents agents = Agents.start(Settings.resolve(args, Map.of()))) {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> counters(device).size() >= 40);
    }
    // The agent's last posts may still be on their way through the relay: the counters are read
    // once no more arrive, so the roll-up and this test see the same readings.
    AtomicInteger stored = new AtomicInteger(-1);
    await("the agent's last readings are stored")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(3))
        .until(
            () -> {
              int now = counters(device).size();
              return now == stored.getAndSet(now);
            });
    List<double[]> counters = counters(device);
    double[] first = counters.getFirst();
    double[] last = counters.getLast();
    double cooling = last[1] - first[1];
    double it = last[2] - first[2];
    // In a cold month the simulated room's economiser cools almost for free (tens of watts), so in
    // a minute its cooling counter may not pass a 0.001 kWh step; the IT load always does.
    assertTrue(it > 0 && cooling >= 0, "the simulated room drew energy: " + cooling + ", " + it);

    // The hours the roll-up writes add up to what the counters say, once it has seen the last.
    Instant from = started.truncatedTo(ChronoUnit.HOURS);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              JsonObject r = energy(device, from);
              return Math.abs(sum(r, "coolingKwh") - cooling) < 1e-6
                  && Math.abs(sum(r, "itKwh") - it) < 1e-6;
            });
    JsonObject report = energy(device, from);
    assertEquals(cooling, sum(report, "coolingKwh"), 1e-6, report.toString());
    assertEquals(it, sum(report, "itKwh"), 1e-6, report.toString());
    JsonArray meters = report.getJsonArray("meters");
    assertTrue(meters.toString().contains(device), report.toString());
    for (JsonValue row : report.getJsonArray("rows")) {
      JsonObject r = row.asJsonObject();
      if (r.containsKey("resets")) {
        assertEquals(0, r.getInt("resets"), "a simulated counter never resets: " + r);
        assertEquals(0.0, r.getJsonNumber("gapSeconds").doubleValue(), "no gap: " + r);
      }
    }

    // The monthly report's figures are the same counters'.
    Instant lastAt = Instant.ofEpochMilli((long) last[0]);
    double[] reported = reported(device, from, lastAt);
    assertEquals(cooling, reported[0], 1e-6);
    assertEquals(it, reported[1], 1e-6);
    YearMonth month = YearMonth.from(lastAt.atZone(ZoneOffset.UTC));
    JsonObject figure = json(report(device, month, "/energy"));
    assertTrue(figure.getInt("hours") >= 1, figure.toString());
    HttpResponse<String> csv = report(device, month, "?format=csv");
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertTrue(csv.body().contains(month.toString()), csv.body());
    HttpResponse<String> html = report(device, month, "?format=html");
    assertEquals(200, html.statusCode(), html.body());
    assertTrue(html.body().contains("<svg") && !html.body().contains("<script"), html.body());
    HttpResponse<String> bad = report(device, month, "?format=pdf");
    assertEquals(400, bad.statusCode(), bad.body());
    assertEquals("format", body(bad).getString("parameter"));

    // A pilot: scheduled for tomorrow, read back, stopped; without a baseline, savings say why.
    String pilotUri = Edge.BASE + "/analytics/api/v1/rooms/" + device + "/pilot";
    LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
    HttpResponse<String> refused =
        Edge.send("PUT", pilotUri, "{\"start\": \"" + tomorrow + "\", \"fixedSetpoint\": 35}");
    assertEquals(400, refused.statusCode(), refused.body());
    assertEquals("fixedSetpoint", body(refused).getString("parameter"));
    JsonObject pilot =
        json(
            Edge.send(
                "PUT",
                pilotUri,
                "{\"start\": \""
                    + tomorrow
                    + "\", \"days\": 14, \"fixedSetpoint\": 20,"
                    + " \"seed\": 5}"));
    assertEquals("scheduled", pilot.getString("status"));
    assertEquals(14, pilot.getString("schedule").length());
    assertEquals(pilot.toString(), json(Edge.get(pilotUri, Edge.operatorToken())).toString());
    assertEquals("stopped", json(Edge.send("POST", pilotUri + "/stop", "")).getString("status"));
    HttpResponse<String> savings =
        Edge.get(
            Edge.BASE + "/analytics/api/v1/rooms/" + device + "/baseline", Edge.operatorToken());
    assertEquals(409, savings.statusCode(), savings.body());
    assertTrue(body(savings).getString("message").contains("no baseline period"));
  }

  /** The JSON body of a response of any status. */
  private static JsonObject body(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }
}
