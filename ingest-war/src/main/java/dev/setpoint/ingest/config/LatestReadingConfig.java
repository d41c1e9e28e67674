package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Core Command's fallback, a device's latest reported reading, kept in memory: {@code
 * setpoint.ingest.latest-reading.*}.
 */
@Dependent
public class LatestReadingConfig {
  /**
   * An entry no store through this server confirmed is read from the edge buffer again after this
   * long (the staleness bound with several replicas; {@code PT0S} reads the buffer every time).
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.latest-reading.ttl", defaultValue = "PT30S")
  public Duration ttl;

  /** Device resources held; beyond it the least used entries go. */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.latest-reading.max-entries", defaultValue = "100000")
  public int maxEntries;

  /**
   * At most this many reads of the buffer for latest readings at once; one that cannot start within
   * {@link #loadWait} is answered 503 (a fleet starting at once must not hold the store from its
   * events).
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.latest-reading.loads", defaultValue = "2")
  public int loads;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.latest-reading.load-wait", defaultValue = "PT1S")
  public Duration loadWait;
}
