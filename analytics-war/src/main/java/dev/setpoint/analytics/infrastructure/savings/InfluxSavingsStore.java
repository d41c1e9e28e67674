package dev.setpoint.analytics.infrastructure.savings;

import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.number;
import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.text;
import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.time;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.query.InfluxQLQueryResult;
import dev.setpoint.analytics.config.HistoryConfig;
import dev.setpoint.analytics.config.InfluxConfig;
import dev.setpoint.analytics.domain.savings.Decision;
import dev.setpoint.analytics.domain.savings.HourDrivers;
import dev.setpoint.analytics.domain.savings.InletMinute;
import dev.setpoint.analytics.domain.savings.SavingsStore;
import dev.setpoint.analytics.infrastructure.influx.InfluxQlRows;
import dev.setpoint.analytics.infrastructure.influx.RawRetention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The savings' reads from InfluxDB ({@link SavingsStatements}). */
@ApplicationScoped
public class InfluxSavingsStore implements SavingsStore {
  private final InfluxQlRows reader;
  private final RawRetention retention;

  @Inject
  public InfluxSavingsStore(InfluxDBClient client, InfluxConfig config, HistoryConfig history) {
    this.reader = new InfluxQlRows(client.getInfluxQLQueryApi(), config.bucket);
    this.retention = new RawRetention(history.rawRetention, Clock.systemUTC());
  }

  /** For CDI's proxy only. */
  protected InfluxSavingsStore() {
    this.reader = null;
    this.retention = null;
  }

  /** The rows of each part of the range: the 1-hour or 1-minute roll-up, then the raw points. */
  private List<InfluxQLQueryResult.Series.Record> rows(
      Instant from, Instant to, Duration bucket, Statement rolledUp, Statement raw) {
    List<InfluxQLQueryResult.Series.Record> rows = new ArrayList<>();
    for (RawRetention.Part part : retention.parts(from, to, bucket)) {
      Statement statement = part.rolledUp() ? rolledUp : raw;
      rows.addAll(reader.rows(statement.of(part.from(), part.to())));
    }
    return rows;
  }

  private interface Statement {
    String of(Instant from, Instant to);
  }

  /** Hours older than the raw retention come from the 1-hour roll-up's device means. */
  @Override
  public List<HourDrivers> drivers(String room, Instant from, Instant to) {
    List<HourDrivers> hours = new ArrayList<>();
    for (InfluxQLQueryResult.Series.Record row :
        rows(
            from,
            to,
            Duration.ofHours(1),
            (f, t) -> SavingsStatements.rolledUpDrivers(room, f, t),
            (f, t) -> SavingsStatements.drivers(room, f, t))) {
      hours.add(
          new HourDrivers(
              Instant.ofEpochMilli(time(row)),
              number(row, "t"),
              number(row, "rh"),
              number(row, "load")));
    }
    return hours;
  }

  /** Minutes older than the raw retention come from the 1-minute roll-up's room minutes. */
  @Override
  public List<InletMinute> inletMinutes(String room, Instant from, Instant to) {
    List<InletMinute> minutes = new ArrayList<>();
    for (InfluxQLQueryResult.Series.Record row :
        rows(
            from,
            to,
            Duration.ofMinutes(1),
            (f, t) -> SavingsStatements.rolledUpInletMinutes(room, f, t),
            (f, t) -> SavingsStatements.inletMinutes(room, f, t))) {
      Double hottest = number(row, "hottest");
      Double mean = number(row, "mean");
      if (hottest != null && mean != null) {
        minutes.add(
            new InletMinute(Instant.ofEpochMilli(time(row)), hottest, mean, number(row, "rh")));
      }
    }
    return minutes;
  }

  /**
   * The decisions are kept with the raw points only (the recommendation measurement has no
   * roll-up): none older than the raw retention.
   */
  @Override
  public List<Decision> decisions(String room, Instant from, Instant to) {
    List<Decision> decisions = new ArrayList<>();
    for (InfluxQLQueryResult.Series.Record row :
        reader.rows(SavingsStatements.decisions(room, from, to))) {
      Double recommended = number(row, "recommended");
      if (recommended == null) {
        continue;
      }
      Double current = number(row, "current_setpoint");
      decisions.add(
          new Decision(
              Instant.ofEpochMilli(time(row)),
              recommended,
              current == null ? recommended : current,
              String.valueOf(text(row, "reason")),
              "true".equals(text(row, "commanded"))));
    }
    return decisions;
  }

  @Override
  public Set<String> roomsOfSite(String site, Instant from, Instant to) {
    // SHOW TAG VALUES is not bounded in time on every index: the service drops rooms without data
    Set<String> rooms = new TreeSet<>();
    for (String measurement : List.of(SavingsStatements.CLIMATE, SavingsStatements.ENERGY)) {
      for (boolean rolledUp : new boolean[] {false, true}) {
        for (InfluxQLQueryResult.Series.Record row :
            reader.rows(SavingsStatements.roomsOfSite(measurement, site, rolledUp))) {
          String room = text(row, "value");
          if (room != null && !room.isBlank()) {
            rooms.add(room);
          }
        }
      }
    }
    return rooms;
  }
}
