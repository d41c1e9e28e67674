package dev.setpoint.analytics.domain.energy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the meters' raw readings are read from and their hours and anomalies kept: the same
 * time-series store that holds the telemetry, so the hours are derived from what is stored and
 * survive a restart, a redelivery or late data.
 */
public interface EnergyStore {

  /**
   * The meters to roll up: the devices with counter readings since {@code countersSince} and those
   * with hours stored since {@code hoursSince} (a meter that fell silent stays silent on record),
   * with what their counters measure.
   */
  Map<String, Set<Quantity>> meters(Instant countersSince, Instant hoursSince);

  /** The meter's readings (counter or power) within {@code [from, to]}, oldest first. */
  List<MeterReading> readings(String device, Quantity quantity, Instant from, Instant to);

  /**
   * The meter's last counter reading before {@code before}, if one is at or after {@code since}.
   */
  Optional<MeterReading> lastCounterBefore(
      String device, Quantity quantity, Instant before, Instant since);

  /** The anomaly pieces stored for the meter that start within {@code [from, to)}. */
  List<MeterAnomaly> anomalies(String device, Quantity quantity, Instant from, Instant to);

  /**
   * Stores hours and anomaly pieces; one already stored under the same tags and time is
   * overwritten.
   */
  void write(List<MeterHour> hours, List<MeterAnomaly> anomalies);

  /** The hours of the room's meters that start within {@code [from, to)}. */
  List<MeterHour> hoursOfRoom(String room, Instant from, Instant to);

  /** The anomaly pieces of the room's meters that start within {@code [from, to)}. */
  List<MeterAnomaly> anomaliesOfRoom(String room, Instant from, Instant to);

  /** Whether any hour is stored for the room. */
  boolean hasRoom(String room);
}
