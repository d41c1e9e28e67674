package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.analytics.domain.room.ControlMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mode and tape bodies' parsing; the resource itself is tested on Liberty (RoomsIT). */
class RoomResourceTest {
  @Test
  void readsTheThreeModes() {
    assertEquals(Optional.of(ControlMode.AUTO), RoomResource.mode("{\"mode\":\"auto\"}"));
    assertEquals(
        Optional.of(ControlMode.ADVISORY), RoomResource.mode(" {\"mode\" : \"advisory\"} "));
    assertEquals(Optional.of(ControlMode.OFF), RoomResource.mode("{\"mode\":\"off\"}"));
  }

  @Test
  void aWellFormedBodyWithoutAModeNamesNone() {
    for (String body :
        new String[] {
          "{\"mode\":\"AUTO\"}",
          "{\"mode\":1}",
          "{}",
          "{\"mode\":\"off\",\"until\":1}",
          "{\"m\":\"off\"}"
        }) {
      assertEquals(Optional.empty(), RoomResource.mode(body), body);
    }
  }

  @Test
  void readsTheTapeFlag() {
    assertEquals(Optional.of(true), RoomResource.holdingTape("{\"holdingTape\":true}"));
    assertEquals(Optional.of(false), RoomResource.holdingTape(" {\"holdingTape\" : false} "));
    for (String body :
        new String[] {
          "{\"holdingTape\":\"true\"}",
          "{\"holdingTape\":1}",
          "{\"holdingTape\":null}",
          "{\"holdingTape\":true,\"mode\":\"off\"}",
          "{\"mode\":\"off\"}",
          "{}"
        }) {
      assertEquals(Optional.empty(), RoomResource.holdingTape(body), body);
    }
    for (String body : new String[] {null, " ", "true", "[true]", "{"}) {
      assertThrows(IllegalArgumentException.class, () -> RoomResource.holdingTape(body), body);
    }
  }

  @Test
  void refusesWhatIsNotAJsonObject() {
    for (String body : new String[] {null, "", "  ", "[]", "\"auto\"", "{", "x".repeat(2000)}) {
      assertThrows(IllegalArgumentException.class, () -> RoomResource.mode(body), body);
    }
  }
}
