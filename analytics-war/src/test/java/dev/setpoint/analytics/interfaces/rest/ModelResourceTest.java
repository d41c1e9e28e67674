package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.setpoint.analytics.domain.ModelInfo;
import dev.setpoint.model.recommend.LookAhead;
import dev.setpoint.model.recommend.PowerHead;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model info's body; the endpoints themselves are tested on Liberty (ModelReloadIT). */
class ModelResourceTest {
  private static ModelInfo info(Optional<LookAhead> lookAhead, Optional<PowerHead> power) {
    return new ModelInfo(
        "v1",
        "/models/setpoint-thermal.onnx",
        Instant.parse("2026-12-01T00:00:00Z"),
        "features",
        "inlet_temperature",
        37,
        Map.of("model_version", "v1"),
        lookAhead,
        power);
  }

  @Test
  void theLookAheadAndThePowerHeadAreShownBesideTheMetadata() {
    JsonObject json =
        ModelResource.json(
            info(
                Optional.of(
                    new LookAhead(
                        "inlet_lookahead",
                        List.of(
                            Duration.ofMinutes(10),
                            Duration.ofMinutes(20),
                            Duration.ofMinutes(30)))),
                Optional.of(new PowerHead("controllable_power", Duration.ofMinutes(30)))),
            true);

    assertEquals(
        Json.createObjectBuilder()
            .add("output", "inlet_lookahead")
            .add("horizonsSeconds", Json.createArrayBuilder().add(600).add(1200).add(1800))
            .build(),
        json.getJsonObject("lookAhead"));
    assertEquals(
        Json.createObjectBuilder()
            .add("output", "controllable_power")
            .add("horizonSeconds", 1800)
            .build(),
        json.getJsonObject("powerHead"));
    assertEquals("v1", json.getJsonObject("metadata").getString("model_version"));
  }

  @Test
  void aModelWithoutThemShowsNeither() {
    JsonObject json = ModelResource.json(info(Optional.empty(), Optional.empty()), true);

    assertFalse(json.containsKey("lookAhead"), json.toString());
    assertFalse(json.containsKey("powerHead"), json.toString());
    assertEquals("inlet_temperature", json.getString("output"));
  }

  @Test
  void theFileItCameFromIsLeftOutForAnAnonymousCaller() {
    ModelInfo info = info(Optional.empty(), Optional.empty());

    assertFalse(ModelResource.json(info, false).containsKey("source"));
    assertEquals(info.source(), ModelResource.json(info, true).getString("source"));
  }
}
