package dev.setpoint.analytics.infrastructure.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.analytics.domain.DecisionInputs;
import dev.setpoint.analytics.domain.DeviceRecommendation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecommendationPointsTest {
  private static final Instant TIME = Instant.ofEpochMilli(1_764_316_800_000L);

  @Test
  void aModelsDecisionCarriesItsInletAndPowerPredictionsForBothSetpoints() {
    DeviceRecommendation r =
        new DeviceRecommendation(
            "rc-1",
            "gwangju",
            TIME,
            23.0,
            26.1,
            "v7",
            "model",
            23.5,
            26.4,
            12.3,
            12.9,
            "hall-a",
            "auto",
            0.75,
            true,
            new DecisionInputs(25.2, 31.0, DecisionInputs.REPORTED, 2));

    assertEquals(
        "recommendation,device=rc-1,room=hall-a,site=gwangju commanded=true,current_setpoint=23.5,"
            + "inlet=25.2,margin=0.75,mode=\"auto\",model_version=\"v7\","
            + "outdoor_source=\"reported\",outdoor_temperature=31.0,predicted=26.1,"
            + "predicted_current=26.4,predicted_power=12.3,predicted_power_current=12.9,"
            + "reason=\"model\",recommended=23.0,sensors=2i 1764316800000",
        RecommendationPoints.of(r).toLineProtocol());
  }

  @Test
  void unknownPredictionsAreLeftOutAndThePowerAtTheCurrentSetpointStandsAlone() {
    // A fallback predicts nothing; a decision the rate limit moved keeps the current setpoint's.
    DeviceRecommendation fallback =
        new DeviceRecommendation(
            "rc-1",
            null,
            TIME,
            22.0,
            Double.NaN,
            "none",
            "window_stale",
            23.0,
            Double.NaN,
            Double.NaN,
            Double.NaN,
            "hall-a",
            "advisory",
            0.75,
            false,
            DecisionInputs.EMPTY);
    DeviceRecommendation limited =
        new DeviceRecommendation(
            "rc-1",
            null,
            TIME,
            22.0,
            Double.NaN,
            "v7",
            "rate_limited",
            23.0,
            25.9,
            Double.NaN,
            12.9,
            "hall-a",
            "auto",
            0.75,
            true,
            DecisionInputs.EMPTY);

    assertEquals(
        "recommendation,device=rc-1,room=hall-a commanded=false,current_setpoint=23.0,margin=0.75,"
            + "mode=\"advisory\",model_version=\"none\",outdoor_source=\"none\","
            + "reason=\"window_stale\",recommended=22.0,sensors=0i 1764316800000",
        RecommendationPoints.of(fallback).toLineProtocol());
    assertEquals(
        "recommendation,device=rc-1,room=hall-a commanded=true,current_setpoint=23.0,margin=0.75,"
            + "mode=\"auto\",model_version=\"v7\",outdoor_source=\"none\",predicted_current=25.9,"
            + "predicted_power_current=12.9,reason=\"rate_limited\",recommended=22.0,sensors=0i"
            + " 1764316800000",
        RecommendationPoints.of(limited).toLineProtocol());
  }
}
