package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.analytics.application.room.RoomSnapshot;
import dev.setpoint.analytics.domain.DecisionInputs;
import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.room.ControlMode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The mode and tape bodies' parsing and the last decision's body; the resource itself is tested on
 * Liberty (RoomsIT).
 */
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

  private static JsonObject lastDecision(
      double predictedC, double predictedCurrentC, double powerKw, double powerCurrentKw) {
    DeviceRecommendation d =
        new DeviceRecommendation(
            "rc-1",
            "default",
            Instant.parse("2026-12-01T00:00:00Z"),
            23.0,
            predictedC,
            "v7",
            "model",
            23.5,
            predictedCurrentC,
            powerKw,
            powerCurrentKw,
            "hall-a",
            "auto",
            0.75,
            true,
            DecisionInputs.EMPTY);
    JsonObjectBuilder json = Json.createObjectBuilder();
    RoomResource.describe(
        json, new RoomSnapshot("hall-a", "default", "rc-1", 23.5, List.of(), d, 0, 0));
    return json.build().getJsonObject("lastDecision");
  }

  @Test
  void theLastDecisionShowsThePredictedPowerBesideThePredictedInlet() {
    JsonObject decision = lastDecision(26.1, 26.4, 12.3, 12.9);

    assertEquals(26.1, decision.getJsonNumber("predicted").doubleValue());
    assertEquals(26.4, decision.getJsonNumber("predictedCurrent").doubleValue());
    assertEquals(12.3, decision.getJsonNumber("predictedPower").doubleValue());
    assertEquals(12.9, decision.getJsonNumber("predictedPowerCurrent").doubleValue());
  }

  @Test
  void aPowerNotPredictedIsLeftOut() {
    JsonObject none = lastDecision(26.1, 26.4, Double.NaN, Double.NaN);
    JsonObject limited = lastDecision(Double.NaN, 26.4, Double.NaN, 12.9);

    assertFalse(none.containsKey("predictedPower"), none.toString());
    assertFalse(none.containsKey("predictedPowerCurrent"), none.toString());
    assertFalse(limited.containsKey("predicted"), limited.toString());
    assertFalse(limited.containsKey("predictedPower"), limited.toString());
    assertEquals(12.9, limited.getJsonNumber("predictedPowerCurrent").doubleValue());
  }

  @Test
  void refusesWhatIsNotAJsonObject() {
    for (String body : new String[] {null, "", "  ", "[]", "\"auto\"", "{", "x".repeat(2000)}) {
      assertThrows(IllegalArgumentException.class, () -> RoomResource.mode(body), body);
    }
  }
}
