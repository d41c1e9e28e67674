package dev.setpoint.analytics.application.room;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.domain.room.ControlMode;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.analytics.domain.room.RoomControl;
import dev.setpoint.analytics.domain.room.RoomControlStore;
import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditKind;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The rooms' controls (mode and tape flag), read from the {@link RoomControlStore} and held in
 * memory so a decision never waits for the store.
 *
 * <p>{@link #refresh()} reads every stored mode (at start and then periodically, so a mode another
 * analytics server of the group stored is picked up). A room without a stored mode is in the
 * default mode ({@code setpoint.analytics.rooms.default-mode}, {@code auto}) — but only once the
 * store has been read: until then a room's mode is unknown, and the recommender then records its
 * decisions without commanding the room, because a room an operator switched off must not be
 * commanded by an analytics server that restarted while the store was down.
 *
 * <p>Each change an operator makes is recorded in the {@link AuditTrail}: the room's mode and tape
 * flag before and after.
 */
public final class RoomModes {
  private static final Logger LOG = Logger.getLogger(RoomModes.class.getName());

  private final RoomControlStore store;
  private final AuditTrail audit;
  private final ControlMode defaultMode;
  private final Clock clock;
  private final Map<String, RoomControl> controls = new ConcurrentHashMap<>();
  private volatile boolean loaded;
  private volatile boolean reachable;

  public RoomModes(RoomControlStore store, AuditTrail audit, ControlMode defaultMode, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.defaultMode = defaultMode;
    this.clock = clock;
  }

  /**
   * Reads every stored mode; on failure keeps what it held and logs once per outage.
   *
   * @return whether the store answered
   */
  public boolean refresh() {
    try {
      Map<String, RoomControl> read = new ConcurrentHashMap<>();
      for (RoomControl c : store.all()) {
        read.put(c.room(), c);
      }
      controls.putAll(read);
      controls.keySet().retainAll(read.keySet());
      if (!reachable) {
        LOG.info("room modes read: " + read.size() + " stored");
      }
      loaded = true;
      reachable = true;
      return true;
    } catch (ControlStoreUnavailableException e) {
      if (reachable || !loaded) {
        LOG.warning(
            "the room control store cannot be read ("
                + e.getMessage()
                + "); "
                + (loaded
                    ? "the modes read before stand"
                    : "rooms without a known mode are not commanded"));
      }
      reachable = false;
      return false;
    }
  }

  /**
   * The room's mode: its stored one, else the default once the store has been read, else empty
   * (unknown).
   */
  public Optional<ControlMode> mode(String room) {
    RoomControl control = controls.get(room);
    if (control != null && control.mode() != null) {
      return Optional.of(control.mode());
    }
    return loaded || control != null ? Optional.of(defaultMode) : Optional.empty();
  }

  /** Whether an operator marked the room as holding tape (as last read; not known: no). */
  public boolean holdingTape(String room) {
    RoomControl control = controls.get(room);
    return control != null && control.holdingTape();
  }

  /** The room's stored control, if an operator set one (as last read). */
  public Optional<RoomControl> control(String room) {
    return Optional.ofNullable(controls.get(room));
  }

  /** Every stored control (as last read), by room. */
  public Map<String, RoomControl> controls() {
    return Map.copyOf(controls);
  }

  /**
   * Stores a room's new mode, its tape flag kept, then applies it here.
   *
   * @throws ControlStoreUnavailableException when the store did not take it (nothing changed)
   */
  public RoomControl set(String room, ControlMode mode, AuditActor by) {
    return change(
        room,
        c -> c.withMode(mode, by.name(), clock.instant()),
        "set to " + mode.code(),
        AuditKind.ROOM_MODE,
        by);
  }

  /**
   * Stores whether a room holds tape, its mode kept, then applies it here.
   *
   * @throws ControlStoreUnavailableException when the store did not take it (nothing changed)
   */
  public RoomControl setHoldingTape(String room, boolean holdingTape, AuditActor by) {
    return change(
        room,
        c -> c.withHoldingTape(holdingTape, by.name(), clock.instant()),
        holdingTape ? "marked as holding tape" : "marked as not holding tape",
        AuditKind.ROOM_TAPE,
        by);
  }

  /**
   * Stores the room's control with one field changed. The other is carried over from the store's
   * latest, not from memory: a change another analytics server stored since the last refresh must
   * not be undone.
   */
  private RoomControl change(
      String room, UnaryOperator<RoomControl> change, String what, String kind, AuditActor by) {
    RoomControl before = store.find(room).orElseGet(() -> RoomControl.unset(room));
    RoomControl control = change.apply(before);
    store.save(control);
    reachable = true;
    controls.put(room, control);
    LOG.info("room " + room + " " + what + " by " + by.name());
    audit.record(
        by,
        AuditChange.of(kind, AuditAction.UPDATE, room)
            .withRoom(room)
            .withBefore(state(before))
            .withAfter(state(control)));
    return control;
  }

  /** A room's control as the audit trail shows it: its mode in force and its tape flag. */
  private Object state(RoomControl control) {
    return AuditChange.state(
        "mode",
        (control.mode() == null ? defaultMode : control.mode()).code(),
        "holdingTape",
        control.holdingTape());
  }

  /** Whether the store answered the last read or write. */
  public boolean isReachable() {
    return reachable;
  }

  /** The mode of a room without a stored one. */
  public ControlMode defaultMode() {
    return defaultMode;
  }
}
