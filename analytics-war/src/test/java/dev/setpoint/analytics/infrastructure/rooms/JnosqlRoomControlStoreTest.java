package dev.setpoint.analytics.infrastructure.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.analytics.domain.room.ControlMode;
import dev.setpoint.analytics.domain.room.RoomControl;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;
import org.junit.jupiter.api.Test;

/** How stored documents read, old and new; the store itself is tested on MongoDB (RoomsIT). */
class JnosqlRoomControlStoreTest {
  private static CommunicationEntity document(String mode, Boolean holdingTape) {
    CommunicationEntity entity = CommunicationEntity.of(JnosqlRoomControlStore.COLLECTION);
    entity.add(JnosqlRoomControlStore.ROOM, "hall-a");
    if (mode != null) {
      entity.add(JnosqlRoomControlStore.MODE, mode);
    }
    if (holdingTape != null) {
      entity.add(JnosqlRoomControlStore.HOLDING_TAPE, holdingTape);
    }
    entity.add(JnosqlRoomControlStore.CHANGED_BY, "ops");
    entity.add(JnosqlRoomControlStore.CHANGED_AT, 1_000L);
    return entity;
  }

  @Test
  void aDocumentStoredBeforeTheTapeFlagReadsAsNotHoldingTape() {
    assertEquals(
        Optional.of(
            new RoomControl("hall-a", ControlMode.OFF, false, "ops", Instant.ofEpochMilli(1_000))),
        JnosqlRoomControlStore.control(document("off", null)));
  }

  @Test
  void aDocumentWithoutAModeIsTheDefaultModeAndOneWithAnUnknownModeIsSkipped() {
    assertEquals(
        Optional.of(new RoomControl("hall-a", null, true, "ops", Instant.ofEpochMilli(1_000))),
        JnosqlRoomControlStore.control(document(null, true)));
    assertEquals(Optional.empty(), JnosqlRoomControlStore.control(document("manual", true)));
  }
}
