package dev.setpoint.analytics.infrastructure.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClimatePointsTest {
  @Test
  void oneFieldPerReadingTaggedByDeviceAtTheEventsOrigin() {
    TelemetryMessage message =
        new TelemetryMessage(
            1,
            "e-1",
            "rack 1",
            "room-sensor",
            "climate",
            1_764_316_800_000_000_123L,
            List.of(
                new TelemetryReading("temperature", 23.5, "degC"),
                new TelemetryReading("humidity", 41.0, "%RH")));

    assertEquals(
        "climate,device=rack\\ 1,source=climate event_id=\"e-1\",humidity=41.0,temperature=23.5"
            + " 1764316800000000123",
        ClimatePoints.of(message).toLineProtocol());
  }
}
