package dev.setpoint.contracts.buffer;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;

/**
 * An event in the edge buffer. The event id is the document id, so the same event stored twice is
 * stored once.
 *
 * @param id EdgeX event id
 * @param deviceName device that sent it
 * @param profileName its device profile
 * @param sourceName its source
 * @param origin when it was taken, nanoseconds since the epoch
 * @param readings its readings, at least one
 * @param state {@link EventState#PENDING} until the broker acknowledged it
 * @param receivedAt when ingest stored it, milliseconds since the epoch
 * @param forwardedAt when the broker acknowledged it, milliseconds since the epoch, or {@code null}
 * @param site the device's site when ingest stored the event (its {@code site:<name>} label, {@link
 *     dev.setpoint.contracts.edgex.DeviceLabels#site}), or {@code null} for none: carried here so
 *     the relay never reads ingest's device metadata
 * @param room the device's room when ingest stored the event (its {@code room:<name>} label, {@link
 *     dev.setpoint.contracts.edgex.DeviceLabels#room}), or {@code null} for none; carried like the
 *     site
 */
@Entity(BufferedEvent.COLLECTION)
public record BufferedEvent(
    @Id String id,
    @Column("deviceName") String deviceName,
    @Column("profileName") String profileName,
    @Column("sourceName") String sourceName,
    @Column("origin") long origin,
    @Column("readings") List<BufferedReading> readings,
    @Column("state") EventState state,
    @Column("receivedAt") long receivedAt,
    @Column("forwardedAt") Long forwardedAt,
    @Column("site") String site,
    @Column("room") String room) {

  /** The MongoDB collection of the edge buffer. */
  public static final String COLLECTION = "events";

  /** An event of a device with neither a site nor a room label. */
  public BufferedEvent(
      String id,
      String deviceName,
      String profileName,
      String sourceName,
      long origin,
      List<BufferedReading> readings,
      EventState state,
      long receivedAt,
      Long forwardedAt) {
    this(
        id,
        deviceName,
        profileName,
        sourceName,
        origin,
        readings,
        state,
        receivedAt,
        forwardedAt,
        null,
        null);
  }

  /** The same event, stored for a device at {@code newSite} in {@code newRoom} (either null). */
  public BufferedEvent placed(String newSite, String newRoom) {
    return new BufferedEvent(
        id,
        deviceName,
        profileName,
        sourceName,
        origin,
        readings,
        state,
        receivedAt,
        forwardedAt,
        newSite,
        newRoom);
  }

  /** The same event, acknowledged by the broker at {@code atMillis}. */
  public BufferedEvent forwarded(long atMillis) {
    return inState(EventState.FORWARDED, atMillis);
  }

  /** The same event, set aside as unforwardable. */
  public BufferedEvent rejected() {
    return inState(EventState.REJECTED, null);
  }

  private BufferedEvent inState(EventState newState, Long newForwardedAt) {
    return new BufferedEvent(
        id,
        deviceName,
        profileName,
        sourceName,
        origin,
        readings,
        newState,
        receivedAt,
        newForwardedAt,
        site,
        room);
  }
}
