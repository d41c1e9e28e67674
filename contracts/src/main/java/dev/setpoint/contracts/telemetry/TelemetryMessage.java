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
 * @param site the device's site, or {@code null} (schema version 1)
 * @param outdoor the outdoor weather at the site, or {@code null} when none is known yet (the relay
 *     never holds an event back for the weather)
 * @param setpoint the device's current air-conditioner setpoint, °C, or {@code null} when unknown
 * @param receivedAt when the edge hub received the event, milliseconds since the epoch by the hub's
 *     clock, or {@code null} (schema versions 1 and 2): beside {@code origin}, which is the
 *     device's clock, it tells a device clock that is off from a relay that delivers late
 * @param room the device's room (its {@code room:<name>} label, {@link
 *     dev.setpoint.contracts.edgex.DeviceLabels#room}), or {@code null} for a device without one
 *     (and in schema versions 1 to 3): the recommender decides per room, and a device without a
 *     room is a room of its own
 */
public record TelemetryMessage(
    int schemaVersion,
    String eventId,
    String device,
    String profile,
    String source,
    long origin,
    List<TelemetryReading> readings,
    String site,
    OutdoorConditions outdoor,
    Double setpoint,
    Long receivedAt,
    String room) {

  /**
   * Version of the JSON layout this class writes: 2 added {@code site}, {@code outdoor} and {@code
   * setpoint}, 3 {@code receivedAt}, 4 {@code room}. Readers accept 1 to 4, so a backlog written
   * before an upgrade still reads.
   */
  public static final int SCHEMA_VERSION = 4;

  /** The oldest layout readers still accept. */
  public static final int OLDEST_SCHEMA_VERSION = 1;

  /**
   * Copies the list so a message cannot change after it was built; null elements are kept for
   * {@link TelemetryCodec#decode} to report.
   */
  public TelemetryMessage {
    readings = readings == null ? null : Collections.unmodifiableList(new ArrayList<>(readings));
  }

  /**
   * The room the recommender decides for: the device's room label, else the device itself (a room
   * of one sensor, as every device was before rooms).
   */
  public String roomOrDevice() {
    return room != null ? room : device;
  }
}
