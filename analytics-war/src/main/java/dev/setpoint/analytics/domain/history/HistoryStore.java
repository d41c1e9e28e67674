package dev.setpoint.analytics.domain.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads the climate history and the recommendations back from the time-series store. */
public interface HistoryStore {

  /** The samples the query selects, oldest first; empty when there are none. */
  List<ClimateSample> climate(SeriesQuery query);

  /** The device's newest recommendation; empty when there is none (yet). */
  Optional<Recommendation> latestRecommendation(String device);

  /** Devices that reported since then, each with its newest point, by name. */
  List<DeviceSeen> devices(Instant since);

  /** The sites the climate points name, sorted. */
  List<String> sites();
}
