package dev.setpoint.contracts.alert;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A change of an alert the edge raised itself, evaluating the same room rules as the cloud ({@link
 * RoomConditions} over {@link RoomClimateTrack}) on the readings it stores: what travels on {@code
 * Topics#ALERTS} (through the edge outbox, so it waits there while the WAN is down) and what the
 * edge's LAN webhook receives, as {@link EdgeAlertCodec} writes it.
 *
 * @param id the alert's id, {@link AlertIds#of}(kind, room, start): the cloud names the same alert
 *     alike and de-duplicates what both raised
 * @param severity its severity after this change (for a clearing: the last it had)
 * @param room the room it is raised for (its subject); for {@link AlertKind#EDGE_BUFFER_FULL}, the
 *     hub's own alert, the hub (as {@code hub})
 * @param site the room's site (the hub's, for the hub's own alert), or null when none is known
 * @param value the value judged at this change, or null when not known
 * @param threshold the limit it is judged against, or null
 * @param message what happened, in words (the same the cloud writes for it)
 * @param start when the condition started: the hub's receipt of the reading that raised it
 * @param at when this change happened: the hub's receipt of the reading that made it
 * @param hub the edge hub that raised it: its site, or {@code default}, as the cloud names hubs
 */
public record EdgeAlert(
    String id,
    AlertKind kind,
    Severity severity,
    Event event,
    String room,
    String site,
    Double value,
    Double threshold,
    String message,
    Instant start,
    Instant at,
    String hub) {

  /** What changed. */
  public enum Event {
    /** The condition started. */
    RAISED,
    /** It became more severe (a warning turning critical). */
    ESCALATED,
    /** It ended, past its hysteresis. */
    CLEARED;

    /** The name on the wire. */
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Event> fromCode(String code) {
      for (Event e : values()) {
        if (e.code().equals(code)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * This change's own id, the same however often it is sent: the outbox message's id and the LAN
   * webhook's delivery id.
   */
  public String eventId() {
    String name = id + '\n' + event.code() + '\n' + severity.code() + '\n' + at.toEpochMilli();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
