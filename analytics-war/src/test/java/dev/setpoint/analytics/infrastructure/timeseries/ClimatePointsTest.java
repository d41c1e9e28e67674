package dev.setpoint.analytics.infrastructure.timeseries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.setpoint.contracts.telemetry.OutdoorConditions;
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
                new TelemetryReading("humidity", 41.0, "%RH")),
            null,
            null,
            null,
            null,
            null);

    assertEquals(
        "climate,device=rack\\ 1,source=climate event_id=\"e-1\",humidity=41.0,temperature=23.5"
            + " 1764316800000000123",
        ClimatePoints.of(message).toLineProtocol());
  }

  @Test
  void theSiteIsATagAndTheReadingsWeatherAndSetpointAreFields() {
    TelemetryMessage message =
        new TelemetryMessage(
            2,
            "e-2",
            "rack-2",
            "room-sensor",
            "climate",
            1_764_316_800_000_000_000L,
            List.of(new TelemetryReading("temperature", 24.0, "degC")),
            "gwangju",
            new OutdoorConditions(3.5, 80.0, 6, 1_764_316_000_000L, "simulated", false, 800, true),
            24.5,
            null,
            null);

    assertEquals(
        "climate,device=rack-2,site=gwangju,source=climate current_setpoint=24.5,event_id=\"e-2\","
            + "outdoor_humidity=80.0,outdoor_temperature=3.5,temperature=24.0,weather_category=6i"
            + " 1764316800000000000",
        ClimatePoints.of(message).toLineProtocol());
  }

  @Test
  void weatherServedStaleIsMarkedOnTheReading() {
    TelemetryMessage message =
        new TelemetryMessage(
            2,
            "e-4",
            "rack-2",
            "room-sensor",
            "climate",
            1_764_316_800_000_000_000L,
            List.of(new TelemetryReading("temperature", 24.0, "degC")),
            "gwangju",
            new OutdoorConditions(
                3.5, 80.0, 6, 1_764_313_200_000L, "openweathermap", true, 3600, false),
            null,
            null,
            null);

    assertEquals(
        "climate,device=rack-2,site=gwangju,source=climate event_id=\"e-4\",outdoor_humidity=80.0,"
            + "outdoor_temperature=3.5,temperature=24.0,weather_category=6i,weather_stale=true"
            + " 1764316800000000000",
        ClimatePoints.of(message).toLineProtocol());
  }

  @Test
  void theRoomIsATagWhenTheMessageHasOne() {
    TelemetryMessage message =
        new TelemetryMessage(
            4,
            "e-3",
            "crac-1",
            "room-controller",
            "climate",
            1_764_316_800_000_000_000L,
            List.of(
                new TelemetryReading("cooling_power", 12.5, "kW"),
                new TelemetryReading("cooling_energy", 1520.25, "kWh")),
            "gwangju",
            null,
            null,
            null,
            "hall a");

    assertEquals(
        "climate,device=crac-1,room=hall\\ a,site=gwangju,source=climate cooling_energy=1520.25,"
            + "cooling_power=12.5,event_id=\"e-3\" 1764316800000000000",
        ClimatePoints.of(message).toLineProtocol());
  }
}
