package dev.setpoint.analytics.infrastructure.savings;

import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.number;
import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.text;
import static dev.setpoint.analytics.infrastructure.influx.InfluxQlRows.time;

import com.influxdb.client.InfluxDBClient;
import com.influxdb.query.InfluxQLQueryResult;
import dev.setpoint.analytics.config.InfluxConfig;
import dev.setpoint.analytics.domain.savings.Decision;
import dev.setpoint.analytics.domain.savings.HourDrivers;
import dev.setpoint.analytics.domain.savings.InletMinute;
import dev.setpoint.analytics.domain.savings.SavingsStore;
import dev.setpoint.analytics.infrastructure.influx.InfluxQlRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The savings' reads from InfluxDB ({@link SavingsStatements}). */
@ApplicationScoped
public class InfluxSavingsStore implements SavingsStore {
  private final InfluxQlRows reader;

  @Inject
  public InfluxSavingsStore(InfluxDBClient client, InfluxConfig config) {
    this.reader = new InfluxQlRows(client.getInfluxQLQueryApi(), config.bucket);
  }

  /** For CDI's proxy only. */
  protected InfluxSavingsStore() {
    this.reader = null;
  }

  @Override
  public List<HourDrivers> drivers(String room, Instant from, Instant to) {
    List<HourDrivers> hours = new ArrayList<>();
    for (InfluxQLQueryResult.Series.Record row :
        reader.rows(SavingsStatements.drivers(room, from, to))) {
      hours.add(
          new HourDrivers(
              Instant.ofEpochMilli(time(row)),
              number(row, "t"),
              number(row, "rh"),
              number(row, "load")));
    }
    return hours;
  }

  @Override
  public List<InletMinute> inletMinutes(String room, Instant from, Instant to) {
    List<InletMinute> minutes = new ArrayList<>();
    for (InfluxQLQueryResult.Series.Record row :
        reader.rows(SavingsStatements.inletMinutes(room, from, to))) {
      Double hottest = number(row, "hottest");
      Double mean = number(row, "mean");
      if (hottest != null && mean != null) {
        minutes.add(
            new InletMinute(Instant.ofEpochMilli(time(row)), hottest, mean, number(row, "rh")));
      }
    }
    return minutes;
  }

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
      for (InfluxQLQueryResult.Series.Record row :
          reader.rows(SavingsStatements.roomsOfSite(measurement, site))) {
        String room = text(row, "value");
        if (room != null && !room.isBlank()) {
          rooms.add(room);
        }
      }
    }
    return rooms;
  }
}
