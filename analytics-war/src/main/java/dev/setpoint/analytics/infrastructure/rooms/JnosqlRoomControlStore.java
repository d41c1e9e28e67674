package dev.setpoint.analytics.infrastructure.rooms;

import dev.setpoint.analytics.domain.room.ControlMode;
import dev.setpoint.analytics.domain.room.RoomControl;
import dev.setpoint.analytics.domain.room.RoomControlStore;
import dev.setpoint.analytics.infrastructure.store.AnalyticsDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;

/**
 * The rooms' controls (mode, tape flag) in analytics' own MongoDB database, through JNoSQL's
 * document API (collection {@value #COLLECTION}).
 *
 * <p>Append-only: each change of a room's control is one new document ({@code _id} a UUID, {@code
 * room}, {@code mode} (absent when only the tape flag was ever set), {@code holdingTape}, {@code
 * changedBy}, {@code changedAt} in epoch milliseconds) holding the whole control, and a room's
 * control is its latest. A document stored before the tape flag existed has no {@code holdingTape}
 * and reads as not holding tape. One insert is atomic on every MongoDB, so a crash never leaves a
 * room without its mode (a replace would be a delete and an insert through this API), and the
 * collection is the history of who set which room to what, and when. The database is {@link
 * AnalyticsDatabase}.
 */
@ApplicationScoped
public class JnosqlRoomControlStore implements RoomControlStore {
  /** The collection of mode changes. */
  public static final String COLLECTION = "room_modes";

  static final String ID = "_id";
  static final String ROOM = "room";
  static final String MODE = "mode";
  static final String HOLDING_TAPE = "holdingTape";
  static final String CHANGED_BY = "changedBy";
  static final String CHANGED_AT = "changedAt";

  private final AnalyticsDatabase database;

  @Inject
  public JnosqlRoomControlStore(AnalyticsDatabase database) {
    this.database = database;
  }

  /** For CDI's proxy only. */
  protected JnosqlRoomControlStore() {
    this.database = null;
  }

  @Override
  public Optional<RoomControl> find(String room) {
    return database.latest(
        COLLECTION, ROOM, room, CHANGED_AT, JnosqlRoomControlStore::control, "read room " + room);
  }

  @Override
  public List<RoomControl> all() {
    return database.latestOfEach(
        COLLECTION,
        CHANGED_AT,
        JnosqlRoomControlStore::control,
        RoomControl::room,
        "read the room modes");
  }

  @Override
  public void save(RoomControl control) {
    CommunicationEntity entity = CommunicationEntity.of(COLLECTION);
    entity.add(ID, UUID.randomUUID().toString());
    entity.add(ROOM, control.room());
    if (control.mode() != null) {
      entity.add(MODE, control.mode().code());
    }
    entity.add(HOLDING_TAPE, control.holdingTape());
    entity.add(CHANGED_BY, control.changedBy());
    entity.add(CHANGED_AT, control.changedAt().toEpochMilli());
    database.insert(entity, "store the control of room " + control.room());
  }

  /**
   * The control a stored document holds; empty for one that is not (a mode no longer known). No
   * mode: the default; no tape flag: not holding tape.
   */
  static Optional<RoomControl> control(CommunicationEntity entity) {
    Optional<String> room = entity.find(ROOM, String.class);
    Optional<String> code = entity.find(MODE, String.class);
    Optional<ControlMode> mode = code.flatMap(ControlMode::fromCode);
    Optional<Long> at = entity.find(CHANGED_AT, Long.class);
    if (room.isEmpty() || (code.isPresent() && mode.isEmpty()) || at.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RoomControl(
            room.get(),
            mode.orElse(null),
            entity.find(HOLDING_TAPE, Boolean.class).orElse(false),
            entity.find(CHANGED_BY, String.class).orElse(null),
            Instant.ofEpochMilli(at.get())));
  }
}
