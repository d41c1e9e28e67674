package dev.setpoint.model.data;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.InfluxQLQueryApi;
import com.influxdb.client.domain.InfluxQLQuery;
import com.influxdb.exceptions.InfluxException;
import com.influxdb.query.InfluxQLQueryResult;
import dev.setpoint.model.features.ClimateSample;
import dev.setpoint.model.influxql.InfluxQl;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;

/**
 * Reads measurement {@code climate} from InfluxDB over InfluxQL with influxdb-client-java's {@link
 * InfluxQLQueryApi} (the {@code /query} endpoint that InfluxDB 1.x serves and 2.x/3.x serve through
 * their v1 compatibility API) and turns it into {@link ClimateRow}s, one per device and sample
 * interval: the mean of the indoor and outdoor readings and the last weather category and setpoint
 * in each interval ({@code GROUP BY time(interval)}). Asks for one chunk (default one day) at a
 * time so neither side holds a year in memory.
 *
 * <p>Answers come as CSV, as analytics reads its history: the client's JSON reader cannot take the
 * {@code null} of an interval that lacks a field. InfluxDB's CSV carries no per-statement error, so
 * a database that does not exist reads as no rows; HTTP errors are reported.
 */
public final class InfluxExporter {
  private static final String CLIMATE = "climate";
  private static final List<String> MEAN_FIELDS =
      List.of("temperature", "humidity", "outdoor_temperature", "outdoor_humidity");
  private static final List<String> LAST_FIELDS = List.of("weather_category", "current_setpoint");

  /**
   * The client logs a warning for every empty answer; a chunk without points is ordinary in an
   * export. Held here so the setting outlives a garbage collection of the logger.
   */
  private static final Logger EMPTY_ANSWER_WARNINGS =
      Logger.getLogger("com.influxdb.internal.AbstractQueryApi");

  private final InfluxQLQueryApi influxQl;
  private final String database;

  /**
   * @param influxQl from {@link #client(URI, String)} or any {@link InfluxDBClient}
   * @param database the database (InfluxDB 2.x: the bucket's DBRP mapping)
   */
  public InfluxExporter(InfluxQLQueryApi influxQl, String database) {
    this.influxQl = influxQl;
    this.database = database;
  }

  /**
   * A client for the export: a chunk's answer may take up to 60 s.
   *
   * @param baseUrl e.g. {@code http://127.0.0.1:8086}
   * @param token sent as {@code Authorization: Token …} when not null (InfluxDB 2.x/3.x)
   */
  public static InfluxDBClient client(URI baseUrl, String token) {
    EMPTY_ANSWER_WARNINGS.setLevel(Level.SEVERE);
    InfluxDBClientOptions.Builder options =
        InfluxDBClientOptions.builder()
            .url(baseUrl.toString())
            .okHttpClient(
                new OkHttpClient.Builder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .readTimeout(Duration.ofSeconds(60)));
    if (token != null) {
      options.authenticateToken(token.toCharArray());
    }
    return InfluxDBClientFactory.create(options.build());
  }

  /** The InfluxQL statement for one chunk; {@code device} null means every device. */
  public static String query(Instant from, Instant to, Duration interval, String device) {
    StringBuilder q =
        new StringBuilder("SELECT ")
            .append(
                Stream.concat(
                        MEAN_FIELDS.stream().map(f -> InfluxQl.aggregate("mean", f)),
                        LAST_FIELDS.stream().map(f -> InfluxQl.aggregate("last", f)))
                    .collect(Collectors.joining(", ")))
            .append(" FROM ")
            .append(InfluxQl.identifier(CLIMATE))
            .append(" WHERE time >= ")
            .append(InfluxQl.string(from.toString()))
            .append(" AND time < ")
            .append(InfluxQl.string(to.toString()));
    if (device != null) {
      q.append(" AND ").append(InfluxQl.identifier("device"));
      q.append(" = ").append(InfluxQl.string(device));
    }
    q.append(" GROUP BY time(").append(interval.toSeconds()).append("s), ");
    q.append(InfluxQl.identifier("device")).append(", ").append(InfluxQl.identifier("site"));
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
      throws IOException {
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

  private List<ClimateRow> fetch(String statement) throws IOException {
    InfluxQLQueryResult answer;
    try {
      answer =
          influxQl.queryCSV(
              new InfluxQLQuery(statement, database)
                  .setPrecision(InfluxQLQuery.InfluxQLPrecision.MILLISECONDS));
    } catch (InfluxException e) {
      throw new IOException(describe(e), e);
    }
    try {
      return rows(answer);
    } catch (RuntimeException e) {
      throw new IOException("InfluxQL answer: " + e.getMessage(), e);
    }
  }

  /**
   * InfluxDB 1.x puts its reason in a JSON {@code error}; the client reads only {@code message}.
   */
  private static String describe(InfluxException e) {
    if (e.status() == 0) {
      return "InfluxDB: " + e.getMessage();
    }
    Object error = e.errorBody().get("error");
    return "InfluxDB answered " + e.status() + ": " + (error != null ? error : e.getMessage());
  }

  /** The rows of an InfluxQL answer (one statement). */
  static List<ClimateRow> rows(InfluxQLQueryResult answer) {
    List<ClimateRow> rows = new ArrayList<>();
    if (answer == null) {
      return rows;
    }
    for (InfluxQLQueryResult.Result result : answer.getResults()) {
      for (InfluxQLQueryResult.Series series : result.getSeries()) {
        Map<String, String> tags = series.getTags() == null ? Map.of() : series.getTags();
        String device = tags.getOrDefault("device", "");
        String site = tags.getOrDefault("site", "");
        if (!series.getColumns().containsKey("time")) {
          throw new IllegalStateException("no time column in " + series.getColumns().keySet());
        }
        for (InfluxQLQueryResult.Series.Record record : series.getValues()) {
          double category = number(record, "weather_category");
          rows.add(
              new ClimateRow(
                  device,
                  site,
                  new ClimateSample(
                      Instant.ofEpochMilli(Long.parseLong(text(record, "time"))),
                      number(record, "temperature"),
                      number(record, "humidity"),
                      number(record, "outdoor_temperature"),
                      number(record, "outdoor_humidity"),
                      Double.isNaN(category) ? 0 : (int) Math.round(category),
                      number(record, "current_setpoint"))));
        }
      }
    }
    return rows;
  }

  private static String text(InfluxQLQueryResult.Series.Record record, String column) {
    Object value = record.getValueByKey(column);
    return value == null ? "" : value.toString();
  }

  /** An empty cell is an interval without that field. */
  private static double number(InfluxQLQueryResult.Series.Record record, String column) {
    String value = text(record, column);
    return value.isEmpty() ? Double.NaN : Double.parseDouble(value);
  }
}
