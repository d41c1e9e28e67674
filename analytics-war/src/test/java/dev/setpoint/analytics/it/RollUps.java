package dev.setpoint.analytics.it;

import dev.setpoint.analytics.domain.history.ContinuousQueries;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roll-ups' continuous queries as the stack created them in the tests' InfluxDB ({@code
 * stack/influx.sh}), and their backfill: the very SELECT ... INTO a continuous query holds, read
 * back from {@code SHOW CONTINUOUS QUERIES}, bounded to a past window. InfluxDB 1.x runs a
 * continuous query only on its schedule (each minute for the last 2 minutes, each hour for the last
 * 2); a test cannot wait for the next hour, and a backfill written out here could differ from what
 * runs. So the CQ's own text is the one definition, and the test runs it over its window. InfluxQL
 * goes over {@code /query} as JSON, so an InfluxQL error fails the test with its message.
 */
final class RollUps {
  static final String DATABASE = "setpoint";
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RollUps() {}

  /** Name to text of the database's continuous queries. */
  static Map<String, String> continuousQueries() throws Exception {
    Map<String, String> queries = new LinkedHashMap<>();
    for (JsonObject series : series("SHOW CONTINUOUS QUERIES")) {
      if (DATABASE.equals(series.getString("name", null))) {
        for (JsonValue row : series.getJsonArray("values")) {
          queries.put(row.asJsonArray().getString(0), row.asJsonArray().getString(1));
        }
      }
    }
    return queries;
  }

  /** Runs the named CQs' backfills over the window, in the order given (minutes before hours). */
  static void run(Instant from, Instant to, String... names) throws Exception {
    Map<String, String> queries = continuousQueries();
    for (String name : names) {
      String query = queries.get(name);
      if (query == null) {
        throw new IllegalStateException("no continuous query " + name + " in " + queries.keySet());
      }
      series(ContinuousQueries.backfill(query, from, to));
    }
  }

  /** The series of one statement's answer (times in epoch milliseconds); none when it has none. */
  static List<JsonObject> series(String statement) throws Exception {
    String url =
        System.getProperty("setpoint.it.influx.url")
            + "/query?epoch=ms&db="
            + DATABASE
            + "&q="
            + URLEncoder.encode(statement, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200 || response.body().contains("\"error\"")) {
      throw new IllegalStateException(
          statement + ": HTTP " + response.statusCode() + " " + response.body());
    }
    List<JsonObject> all = new ArrayList<>();
    JsonArray results =
        Json.createReader(new StringReader(response.body())).readObject().getJsonArray("results");
    for (JsonValue result : results) {
      JsonArray series = result.asJsonObject().getJsonArray("series");
      if (series != null) {
        series.forEach(s -> all.add(s.asJsonObject()));
      }
    }
    return all;
  }

  /** Writes line protocol (millisecond times) into a retention policy of the database. */
  static void write(String retentionPolicy, List<String> lines) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        System.getProperty("setpoint.it.influx.url")
                            + "/write?precision=ms&db="
                            + DATABASE
                            + "&rp="
                            + retentionPolicy))
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", lines)))
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 204) {
      throw new IllegalStateException(
          "write: HTTP " + response.statusCode() + " " + response.body());
    }
  }

  /** The statement's rows as column name to value, of all its series. */
  static List<Map<String, JsonValue>> rows(String statement) throws Exception {
    List<Map<String, JsonValue>> rows = new ArrayList<>();
    for (JsonObject series : series(statement)) {
      JsonArray columns = series.getJsonArray("columns");
      for (JsonValue value : series.getJsonArray("values")) {
        Map<String, JsonValue> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          row.put(columns.getString(i), value.asJsonArray().get(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
