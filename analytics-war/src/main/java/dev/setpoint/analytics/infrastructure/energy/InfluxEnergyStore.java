package dev.setpoint.analytics.infrastructure.energy;

import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.blankToNull;
import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.number;
import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.text;
import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.time;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.write.Point;
import com.influxdb.query.InfluxQLQueryResult;
import dev.setpoint.analytics.config.HistoryConfig;
import dev.setpoint.analytics.config.InfluxConfig;
import dev.setpoint.analytics.domain.energy.AnomalyKind;
import dev.setpoint.analytics.domain.energy.EnergyAnomaly;
import dev.setpoint.analytics.domain.energy.EnergyStore;
import dev.setpoint.analytics.domain.energy.HourEnergy;
import dev.setpoint.analytics.domain.energy.Meter;
import dev.setpoint.analytics.domain.energy.MeterAnomaly;
import dev.setpoint.analytics.domain.energy.MeterHour;
import dev.setpoint.analytics.domain.energy.MeterReading;
import dev.setpoint.analytics.domain.energy.Quantity;
import dev.setpoint.analytics.infrastructure.influx.InfluxQlRows;
import dev.setpoint.analytics.infrastructure.influx.RawRetention;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The energy store in InfluxDB, over analytics' one client: counters read from {@code climate},
 * hours and anomalies kept in {@code energy} and {@code energy_anomaly} (see {@link EnergyPoints}).
 * InfluxQL answers come as CSV, so every value is text and an empty cell is a missing field or tag.
 */
@ApplicationScoped
public class InfluxEnergyStore implements EnergyStore {
  private final InfluxQlRows reader;
  private final WriteApiBlocking writes;

  private final RawRetention retention;

  @Inject
  public InfluxEnergyStore(InfluxDBClient client, InfluxConfig config, HistoryConfig history) {
    this.reader = new InfluxQlRows(client.getInfluxQLQueryApi(), config.bucket);
    this.writes = client.getWriteApiBlocking();
    this.retention = new RawRetention(history.rawRetention, Clock.systemUTC());
  }

  /** For CDI's proxy only. */
  protected InfluxEnergyStore() {
    this.reader = null;
    this.writes = null;
    this.retention = null;
  }

  private List<InfluxQLQueryResult.Series> series(String statement) {
    return reader.series(statement);
  }

  private List<InfluxQLQueryResult.Series.Record> rows(String statement) {
    return reader.rows(statement);
  }

  @Override
  public Map<String, Set<Quantity>> meters(Instant countersSince, Instant hoursSince) {
    Map<String, Set<Quantity>> meters = new TreeMap<>();
    for (InfluxQLQueryResult.Series series : series(EnergyStatements.metersWithHours(hoursSince))) {
      String device = blankToNull(series.getTags().get("device"));
      Optional<Quantity> quantity =
          Quantity.fromCode(String.valueOf(series.getTags().get("quantity")));
      if (device != null && quantity.isPresent()) {
        meters.computeIfAbsent(device, d -> EnumSet.noneOf(Quantity.class)).add(quantity.get());
      }
    }
    for (InfluxQLQueryResult.Series series : series(EnergyStatements.meters(countersSince))) {
      String device = blankToNull(series.getTags().get("device"));
      if (device == null) {
        continue;
      }
      for (InfluxQLQueryResult.Series.Record row : series.getValues()) {
        for (Quantity q : Quantity.values()) {
          Double count = number(row, q.code());
          if (count != null && count > 0) {
            meters.computeIfAbsent(device, d -> EnumSet.noneOf(Quantity.class)).add(q);
          }
        }
      }
    }
    return meters;
  }

  @Override
  public List<MeterReading> readings(String device, Quantity quantity, Instant from, Instant to) {
    return rows(EnergyStatements.readings(device, quantity, from, to)).stream()
        .map(row -> reading(row, quantity))
        .toList();
  }

  @Override
  public Optional<MeterReading> lastCounterBefore(
      String device, Quantity quantity, Instant before, Instant since) {
    return rows(EnergyStatements.lastCounterBefore(device, quantity, before, since)).stream()
        .map(row -> reading(row, quantity))
        .filter(r -> r.counter() != null)
        .findFirst();
  }

  static MeterReading reading(InfluxQLQueryResult.Series.Record row, Quantity quantity) {
    return new MeterReading(
        time(row),
        number(row, quantity.counterField()),
        number(row, quantity.powerField()),
        text(row, "room"),
        text(row, "site"));
  }

  @Override
  public List<MeterAnomaly> anomalies(String device, Quantity quantity, Instant from, Instant to) {
    List<MeterAnomaly> anomalies = new ArrayList<>();
    for (InfluxQLQueryResult.Series series :
        series(EnergyStatements.meterAnomalies(device, quantity, from, to))) {
      Map<String, String> tags = series.getTags();
      Meter meter =
          new Meter(device, quantity, blankToNull(tags.get("room")), blankToNull(tags.get("site")));
      anomalies.addAll(anomalies(meter, tags, series));
    }
    return anomalies;
  }

  @Override
  public List<MeterAnomaly> anomaliesOfRoom(String room, Instant from, Instant to) {
    List<MeterAnomaly> anomalies = new ArrayList<>();
    for (InfluxQLQueryResult.Series series :
        series(EnergyStatements.roomAnomalies(room, from, to))) {
      Map<String, String> tags = series.getTags();
      Optional<Meter> meter = meter(tags, room);
      meter.ifPresent(m -> anomalies.addAll(anomalies(m, tags, series)));
    }
    return anomalies;
  }

  private static List<MeterAnomaly> anomalies(
      Meter meter, Map<String, String> tags, InfluxQLQueryResult.Series series) {
    Optional<AnomalyKind> kind = AnomalyKind.fromCode(String.valueOf(tags.get("kind")));
    if (kind.isEmpty()) {
      return List.of();
    }
    List<MeterAnomaly> anomalies = new ArrayList<>();
    for (InfluxQLQueryResult.Series.Record row : series.getValues()) {
      long from = time(row);
      Double to = number(row, "to");
      anomalies.add(
          new MeterAnomaly(
              meter,
              new EnergyAnomaly(
                  kind.get(),
                  from,
                  to == null ? from : to.longValue(),
                  String.valueOf(text(row, "detail"))),
              "true".equals(text(row, "cleared"))));
    }
    return anomalies;
  }

  /** The hours older than the raw retention come from the 1-hour roll-up, which keeps them. */
  @Override
  public List<MeterHour> hoursOfRoom(String room, Instant from, Instant to) {
    List<MeterHour> hours = new ArrayList<>();
    for (RawRetention.Part part : retention.parts(from, to, Duration.ofHours(1))) {
      String statement =
          part.rolledUp()
              ? EnergyStatements.rolledUpRoomHours(room, part.from(), part.to())
              : EnergyStatements.roomHours(room, part.from(), part.to());
      for (InfluxQLQueryResult.Series series : series(statement)) {
        Optional<Meter> meter = meter(series.getTags(), room);
        if (meter.isEmpty()) {
          continue;
        }
        for (InfluxQLQueryResult.Series.Record row : series.getValues()) {
          hours.add(new MeterHour(meter.get(), hour(row)));
        }
      }
    }
    return hours;
  }

  static HourEnergy hour(InfluxQLQueryResult.Series.Record row) {
    return new HourEnergy(
        time(row),
        orZero(number(row, "kwh")),
        millis(number(row, "covered_s")),
        millis(number(row, "gap_s")),
        millis(number(row, "excluded_s")),
        (int) Math.round(orZero(number(row, "resets"))),
        "true".equals(text(row, "complete")));
  }

  /** A room whose raw hours have all expired is still known by its rolled-up hours. */
  @Override
  public boolean hasRoom(String room) {
    for (boolean rolledUp : new boolean[] {false, true}) {
      if (rows(EnergyStatements.hasRoom(room, rolledUp)).stream()
          .anyMatch(row -> room.equals(text(row, "value")))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void write(List<MeterHour> hours, List<MeterAnomaly> anomalies) {
    List<Point> points =
        Stream.concat(
                hours.stream().map(EnergyPoints::hour),
                anomalies.stream().map(EnergyPoints::anomaly))
            .toList();
    if (!points.isEmpty()) {
      writes.writePoints(points);
    }
  }

  /** The meter a series of a room's points names; empty for one without device or quantity. */
  private static Optional<Meter> meter(Map<String, String> tags, String room) {
    String device = blankToNull(tags.get("device"));
    Optional<Quantity> quantity = Quantity.fromCode(String.valueOf(tags.get("quantity")));
    if (device == null || quantity.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Meter(device, quantity.get(), room, blankToNull(tags.get("site"))));
  }

  private static double orZero(Double value) {
    return value == null ? 0 : value;
  }

  private static long millis(Double seconds) {
    return seconds == null ? 0 : Math.round(seconds * 1000);
  }
}
