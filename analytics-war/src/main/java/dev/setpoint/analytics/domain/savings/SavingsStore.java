package dev.setpoint.analytics.domain.savings;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the savings and reports read from the time-series store besides the energy hours: the rooms'
 * hourly drivers, their inlet minutes, the recommender's decisions, and which rooms a site has.
 */
public interface SavingsStore {
  /** The room's hours in {@code [from, to)} with any driver reported, oldest first. */
  List<HourDrivers> drivers(String room, Instant from, Instant to);

  /** The room's minutes in {@code [from, to)} with an inlet reading, oldest first. */
  List<InletMinute> inletMinutes(String room, Instant from, Instant to);

  /** The recommender's decisions for the room in {@code [from, to)}, oldest first. */
  List<Decision> decisions(String room, Instant from, Instant to);

  /** The rooms with telemetry or energy filed under the site in {@code [from, to)}. */
  Set<String> roomsOfSite(String site, Instant from, Instant to);
}
