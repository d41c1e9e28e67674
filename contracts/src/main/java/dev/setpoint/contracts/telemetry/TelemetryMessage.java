package dev.setpoint.contracts.telemetry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the relay publishes for one stored event. The event id travels with it so that every store
 * downstream can deduplicate a replay.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this code
 * @param eventId the EdgeX event id
 * @param device device name; also the Kafka record key
 * @param profile device profile name
 * @param source source name
 * @param origin when the event was taken, nanoseconds since the epoch
 * @param readings the event's numeric readings, at least one
 */
public record TelemetryMessage(
    int schemaVersion,
    String eventId,
    String device,
    String profile,
    String source,
    long origin,
    List<TelemetryReading> readings) {

  /** Version of the JSON layout this class writes. Readers reject other versions. */
  public static final int SCHEMA_VERSION = 1;

  /**
   * Copies the list so a message cannot change after it was built; null elements are kept for
   * {@link TelemetryCodec#decode} to report.
   */
  public TelemetryMessage {
    readings = readings == null ? null : Collections.unmodifiableList(new ArrayList<>(readings));
  }
}
