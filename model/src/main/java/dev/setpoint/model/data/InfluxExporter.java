package dev.setpoint.model.data;

import dev.setpoint.model.features.ClimateSample;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads measurement {@code climate} from InfluxDB over InfluxQL ({@code GET /query}, which InfluxDB
 * 1.x serves and 2.x/3.x serve through their v1 compatibility API) and turns it into {@link
 * ClimateRow}s, one per device and sample interval: the mean of the indoor and outdoor readings and
 * the last weather category and setpoint in each interval ({@code GROUP BY time(interval)}). Asks
 * for one chunk (default one day) at a time so neither side holds a year in memory.
 */
public final class InfluxExporter {
  private final HttpClient http;
  private final URI baseUrl;
  private final String database;
  private final String token;

  /**
   * @param baseUrl e.g. {@code http://127.0.0.1:8086}
   * @param database the database (InfluxDB 2.x: the bucket's DBRP mapping)
   * @param token sent as {@code Authorization: Token …} when not null (InfluxDB 2.x/3.x)
   */
  public InfluxExporter(HttpClient http, URI baseUrl, String database, String token) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.database = database;
    this.token = token;
  }

  /** The InfluxQL statement for one chunk; {@code device} null means every device. */
  public static String query(Instant from, Instant to, Duration interval, String device) {
    StringBuilder q =
        new StringBuilder(
                "SELECT mean(\"temperature\") AS \"temperature\", mean(\"humidity\") AS \"humidity\","
                    + " mean(\"outdoor_temperature\") AS \"outdoor_temperature\","
                    + " mean(\"outdoor_humidity\") AS \"outdoor_humidity\","
                    + " last(\"weather_category\") AS \"weather_category\","
                    + " last(\"current_setpoint\") AS \"current_setpoint\" FROM \"climate\" WHERE time >= '")
            .append(from)
            .append("' AND time < '")
            .append(to)
            .append('\'');
    if (device != null) {
      q.append(" AND \"device\" = '").append(device.replace("\\", "\\\\").replace("'", "\\'"));
      q.append('\'');
    }
    q.append(" GROUP BY time(").append(interval.toSeconds()).append("s), \"device\", \"site\"");
    q.append(" fill(none)");
    return q.toString();
  }

  /**
   * Exports {@code [from, to)} in chunks of {@code chunk}, handing rows to {@code sink} in time
   * order per chunk (devices interleaved by time), and {@code progress} the end of each chunk.
   *
   * @return the number of rows
   */
  public long export(
      Instant from,
      Instant to,
      Duration interval,
      Duration chunk,
      String device,
      Consumer<ClimateRow> sink,
      Consumer<Instant> progress)
      throws IOException, InterruptedException {
    long count = 0;
    for (Instant start = from; start.isBefore(to); start = start.plus(chunk)) {
      Instant end = start.plus(chunk).isAfter(to) ? to : start.plus(chunk);
      List<ClimateRow> rows = fetch(query(start, end, interval, device));
      rows.sort(
          Comparator.comparing((ClimateRow r) -> r.sample().time())
              .thenComparing(ClimateRow::device));
      rows.forEach(sink);
      count += rows.size();
      progress.accept(end);
    }
    return count;
  }

  private List<ClimateRow> fetch(String influxQl) throws IOException, InterruptedException {
    String uri =
        baseUrl.toString().replaceAll("/+$", "")
            + "/query?db="
            + URLEncoder.encode(database, StandardCharsets.UTF_8)
            + "&q="
            + URLEncoder.encode(influxQl, StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri))
            .timeout(Duration.ofSeconds(60))
            .header("Accept", "application/json")
            .GET();
    if (token != null) {
      request.header("Authorization", "Token " + token);
    }
    HttpResponse<InputStream> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      if (response.statusCode() != 200) {
        throw new IOException(
            "InfluxDB answered "
                + response.statusCode()
                + ": "
                + new String(body.readNBytes(500), StandardCharsets.UTF_8));
      }
      try (JsonReader reader = Json.createReader(body)) {
        return parse(reader.readObject());
      }
    }
  }

  /** The rows of an InfluxQL JSON answer (one statement). */
  static List<ClimateRow> parse(JsonObject answer) throws IOException {
    List<ClimateRow> rows = new ArrayList<>();
    if (answer.containsKey("error")) {
      throw new IOException("InfluxDB: " + answer.getString("error"));
    }
    for (JsonValue result : answer.getJsonArray("results")) {
      JsonObject r = result.asJsonObject();
      if (r.containsKey("error")) {
        throw new IOException("InfluxQL: " + r.getString("error"));
      }
      if (!r.containsKey("series")) {
        continue;
      }
      for (JsonValue s : r.getJsonArray("series")) {
        JsonObject series = s.asJsonObject();
        JsonObject tags = series.getJsonObject("tags");
        String device = tags == null ? "" : tags.getString("device", "");
        String site = tags == null ? "" : tags.getString("site", "");
        List<String> columns =
            series
                .getJsonArray("columns")
                .getValuesAs(v -> ((jakarta.json.JsonString) v).getString());
        int time = columns.indexOf("time");
        if (time < 0) {
          throw new IOException("InfluxQL answer without a time column: " + columns);
        }
        for (JsonValue v : series.getJsonArray("values")) {
          JsonArray values = v.asJsonArray();
          double category = number(values, columns.indexOf("weather_category"));
          rows.add(
              new ClimateRow(
                  device,
                  site,
                  new ClimateSample(
                      Instant.parse(values.getString(time)),
                      number(values, columns.indexOf("temperature")),
                      number(values, columns.indexOf("humidity")),
                      number(values, columns.indexOf("outdoor_temperature")),
                      number(values, columns.indexOf("outdoor_humidity")),
                      Double.isNaN(category) ? 0 : (int) Math.round(category),
                      number(values, columns.indexOf("current_setpoint")))));
        }
      }
    }
    return rows;
  }

  private static double number(JsonArray values, int column) {
    if (column < 0 || column >= values.size()) {
      return Double.NaN;
    }
    JsonValue v = values.get(column);
    return v instanceof JsonNumber n ? n.doubleValue() : Double.NaN;
  }
}
