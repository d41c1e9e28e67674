package dev.setpoint.ingest.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.setpoint.contracts.alert.AlertIds;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.AlertRules;
import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.RoomClimate;
import dev.setpoint.contracts.alert.RoomClimateTrack;
import dev.setpoint.contracts.alert.RoomConditions;
import dev.setpoint.contracts.alert.RoomFinding;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.edgex.ReadingValue;
import dev.setpoint.contracts.edgex.ValueTypes;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Judges each room from the events ingest stores, as the cloud judges it from their telemetry: the
 * same readings (numeric {@code temperature} and {@code humidity}, parsed as the relay parses them
 * for the cloud), the same time (the hub's receipt, {@link BufferedEvent#receivedAt()}), the same
 * tracker and rules from {@code contracts} ({@link RoomClimateTrack}, {@link RoomConditions}). So
 * an alert raised here has the id the cloud gives the same alert ({@link AlertIds}: kind, room and
 * start), and the cloud de-duplicates what both raised.
 *
 * <p>Only events of a device with a room ({@code room:} label) that read a temperature count. The
 * rooms' state is bounded: at most {@code maxRooms} (Caffeine decides which go, the least used
 * first); an alert open in a forgotten room is never cleared by the edge, the cloud's own readings
 * clear it. Thread-safe: one lock per room.
 */
final class EdgeAlertEvaluator {
  static final String TEMPERATURE = "temperature";
  static final String HUMIDITY = "humidity";

  /** The hub of a room without a site, as the cloud names it. */
  static final String DEFAULT_HUB = "default";

  private final AlertRules rules;
  private final Cache<String, Room> rooms;

  /** A room's climate and the alerts raised for it, with their start. */
  private static final class Room {
    final RoomClimateTrack track = new RoomClimateTrack();
    final Map<AlertKind, Raised> open = new EnumMap<>(AlertKind.class);
  }

  private record Raised(String id, Severity severity, Instant start) {}

  EdgeAlertEvaluator(AlertRules rules, int maxRooms) {
    this.rules = rules;
    this.rooms = Caffeine.newBuilder().maximumSize(maxRooms).build();
  }

  /**
   * Judges the event's room, and hands each alert change to {@code changes}, in order, under the
   * room's lock (so one room's changes arrive in the order they happened).
   */
  void accept(BufferedEvent event, Consumer<EdgeAlert> changes) {
    String name = event.room();
    if (name == null || name.isBlank()) {
      return;
    }
    Double temperature = reading(event, TEMPERATURE);
    if (temperature == null) {
      return;
    }
    Double humidity = reading(event, HUMIDITY);
    Instant time = Instant.ofEpochMilli(event.receivedAt());
    String hub = event.site() == null || event.site().isBlank() ? DEFAULT_HUB : event.site();
    Room room = rooms.get(name, k -> new Room());
    synchronized (room) {
      RoomClimate climate = room.track.accept(event.deviceName(), time, temperature, humidity);
      Map<AlertKind, Severity> before = new HashMap<>();
      room.open.forEach((kind, raised) -> before.put(kind, raised.severity()));
      for (RoomFinding f : RoomConditions.judge(rules, name, climate, before)) {
        Raised open = room.open.get(f.kind());
        if (open == null && f.severity() != null) {
          Raised raised = new Raised(AlertIds.of(f.kind(), name, time), f.severity(), time);
          room.open.put(f.kind(), raised);
          changes.accept(change(f, raised, EdgeAlert.Event.RAISED, name, event.site(), time, hub));
        } else if (open != null && f.severity() == null) {
          room.open.remove(f.kind());
          changes.accept(change(f, open, EdgeAlert.Event.CLEARED, name, event.site(), time, hub));
        } else if (open != null && f.severity() != open.severity()) {
          Raised now = new Raised(open.id(), f.severity(), open.start());
          room.open.put(f.kind(), now);
          if (f.severity().compareTo(open.severity()) > 0) {
            changes.accept(
                change(f, now, EdgeAlert.Event.ESCALATED, name, event.site(), time, hub));
          }
          // eased (critical back to a warning): kept here, not sent; as the cloud, which tells no
          // one of it either
        }
      }
    }
  }

  private static EdgeAlert change(
      RoomFinding f,
      Raised alert,
      EdgeAlert.Event event,
      String room,
      String site,
      Instant at,
      String hub) {
    return new EdgeAlert(
        alert.id(),
        f.kind(),
        alert.severity(),
        event,
        room,
        site,
        f.value(),
        f.threshold(),
        f.message(),
        alert.start(),
        at,
        hub);
  }

  /** How many rooms are tracked now (after evictions due). */
  long roomsTracked() {
    rooms.cleanUp();
    return rooms.estimatedSize();
  }

  /**
   * The first finite numeric reading of the resource, as the relay turns it into telemetry (only
   * numeric value types travel, parsed from their text), or null.
   */
  static Double reading(BufferedEvent event, String resource) {
    for (BufferedReading r : event.readings()) {
      if (resource.equals(r.resourceName())
          && ValueTypes.numeric(r.valueType())
          && ValueTypes.parse(r.valueType(), r.value()).orElse(null)
              instanceof ReadingValue.Numeric number) {
        return number.asDouble();
      }
    }
    return null;
  }

  /**
   * The rules' defaults with the overrides of {@code setpoint.ingest.edge-alerts.rules}: {@code
   * name=value} pairs separated by commas.
   *
   * @throws IllegalArgumentException naming the pair or threshold at fault
   */
  static AlertRules rules(String overrides) {
    Map<String, Double> values = new HashMap<>();
    if (overrides != null) {
      for (String pair : overrides.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        int eq = pair.indexOf('=');
        if (eq < 1) {
          throw new IllegalArgumentException(
              "setpoint.ingest.edge-alerts.rules: '" + pair.strip() + "' is not name=value");
        }
        String name = pair.substring(0, eq).strip();
        try {
          values.put(name, Double.valueOf(pair.substring(eq + 1).strip()));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "setpoint.ingest.edge-alerts.rules: " + name + " must be a number", e);
        }
      }
    }
    return AlertRules.DEFAULTS.with(values);
  }
}
