package dev.setpoint.analytics.application.history;

import dev.setpoint.analytics.domain.history.ClimateSample;
import dev.setpoint.analytics.domain.history.DeviceSeen;
import dev.setpoint.analytics.domain.history.HistoryStore;
import dev.setpoint.analytics.domain.history.Recommendation;
import dev.setpoint.analytics.domain.history.SeriesQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/** The operators' history reads: a series with its latest values, devices, sites. */
public class HistoryService {
  /** Devices not seen for this long drop off the device list. */
  public static final Duration DEVICE_WINDOW = Duration.ofDays(30);

  private final HistoryStore store;
  private final HistoryRange ranges;
  private final Clock clock;

  public HistoryService(HistoryStore store, Clock clock, Retention retention) {
    this.store = store;
    this.ranges = new HistoryRange(clock, retention);
    this.clock = clock;
  }

  /**
   * The series the parameters select (see {@link HistoryRange}), its latest values and, for a
   * device, its latest recommendation.
   *
   * @throws InvalidHistoryRequestException naming the parameter at fault
   */
  public ClimateHistory climate(String device, String site, String range, String from, String to) {
    SeriesQuery query = ranges.query(device, site, range, from, to);
    List<ClimateSample> samples = store.climate(query);
    Recommendation recommendation =
        query.device() == null ? null : store.latestRecommendation(query.device()).orElse(null);
    return new ClimateHistory(
        query.device(),
        query.site(),
        query.from().toEpochMilli(),
        query.to().toEpochMilli(),
        query.interval().map(HistoryService::influxDuration).orElse(null),
        query.resolution().code(),
        samples,
        latest(samples),
        recommendation);
  }

  public List<DeviceSeen> devices() {
    return store.devices(clock.instant().minus(DEVICE_WINDOW));
  }

  public List<String> sites() {
    return store.sites();
  }

  /**
   * The newest non-null value of each field: a device may report humidity less often than
   * temperature, and the weather may be missing from single events.
   */
  static ClimateSample latest(List<ClimateSample> samples) {
    if (samples.isEmpty()) {
      return null;
    }
    return new ClimateSample(
        samples.getLast().time(),
        newest(samples, ClimateSample::temperature),
        newest(samples, ClimateSample::humidity),
        newest(samples, ClimateSample::outdoorTemperature),
        newest(samples, ClimateSample::outdoorHumidity),
        newest(samples, ClimateSample::weatherCategory),
        newest(samples, ClimateSample::currentSetpoint));
  }

  private static <T> T newest(List<ClimateSample> samples, Function<ClimateSample, T> field) {
    for (int i = samples.size() - 1; i >= 0; i--) {
      T value = field.apply(samples.get(i));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** A duration in InfluxQL's duration-literal notation, in its largest whole unit. */
  public static String influxDuration(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
