package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceProfile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventConformanceTest {
  private static final DeviceProfile ROOM = Profiles.roomSensor();
  private static final DeviceProfile AC = Profiles.airConditioner();
  private static final Device SENSOR =
      Profiles.device("rack-1", "room-sensor", AdminState.UNLOCKED);
  private static final EventPath PATH = new EventPath("agent", "room-sensor", "rack-1", "climate");

  private static BufferedEvent event(BufferedReading... readings) {
    return new BufferedEvent(
        "id",
        "rack-1",
        "room-sensor",
        "climate",
        1L,
        List.of(readings),
        EventState.PENDING,
        1L,
        null);
  }

  private static BufferedReading reading(String resource, String type, String value) {
    return new BufferedReading("r", 1L, resource, type, value, null);
  }

  private static String fault(BufferedEvent event, EventPath path, Device device, DeviceProfile p) {
    return assertThrows(
            InvalidEventException.class, () -> EventConformance.check(event, path, device, p))
        .getMessage();
  }

  @Test
  void acceptsReadingsOfTheProfileWithinRangeWhateverTheTypeCase() {
    EventConformance.check(
        event(reading("temperature", "float64", "-40"), reading("humidity", "Float64", "1e2")),
        PATH,
        SENSOR,
        ROOM);
  }

  @Test
  void aLockedDeviceIsRefusedWith423() {
    Device locked = Profiles.device("rack-1", "room-sensor", AdminState.LOCKED);
    assertEquals(
        "device 'rack-1' is locked",
        assertThrows(
                DeviceLockedException.class,
                () ->
                    EventConformance.check(
                        event(reading("temperature", "Float64", "20")), PATH, locked, ROOM))
            .getMessage());
  }

  @Test
  void thePathMustNameTheDevicesProfileAndService() {
    assertEquals(
        "profileName 'air-conditioner' in the path is not the profile of device 'rack-1'"
            + " ('room-sensor')",
        fault(
            event(reading("temperature", "Float64", "20")),
            new EventPath("agent", "air-conditioner", "rack-1", "climate"),
            SENSOR,
            ROOM));
    assertEquals(
        "serviceName 'other' in the path is not the device service of device 'rack-1'"
            + " ('agent')",
        fault(
            event(reading("temperature", "Float64", "20")),
            new EventPath("other", "room-sensor", "rack-1", "climate"),
            SENSOR,
            ROOM));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "pressure|Float64|1|event.readings[1].resourceName 'pressure' is not a resource of profile"
            + " 'room-sensor'",
        "humidity|Int32|50|event.readings[1].valueType 'Int32' differs from Float64 of resource"
            + " 'humidity'",
        "humidity|Float64|100.0001|event.readings[1].value '100.0001' lies outside [0.0, 100.0] of"
            + " resource 'humidity'",
        "humidity|Float64|-1e-9|event.readings[1].value '-1e-9' lies outside [0.0, 100.0] of"
            + " resource 'humidity'",
        "temperature|Float64|85.5|event.readings[1].value '85.5' lies outside [-40.0, 85.0] of"
            + " resource 'temperature'",
      })
  void everyReadingMustFitItsResource(String resource, String type, String value, String message) {
    BufferedEvent event =
        event(reading("temperature", "Float64", "20"), reading(resource, type, value));
    assertEquals(message, fault(event, PATH, SENSOR, ROOM));
  }

  @Test
  void writeOnlyResourcesCannotBeReported() {
    Device ac = Profiles.device("ac-1", "air-conditioner", AdminState.UNLOCKED);
    EventPath path = new EventPath("agent", "air-conditioner", "ac-1", "status");
    EventConformance.check(
        event(reading("setpoint", "Float64", "24"), reading("mode", "String", "cool")),
        path,
        ac,
        AC);
    assertEquals(
        "event.readings[0].resourceName 'fan' is write-only; events cannot carry it",
        fault(event(reading("fan", "Uint8", "1")), path, ac, AC));
    assertEquals(
        "event.readings[0].value '17.99' lies outside [18.0, 27.0] of resource 'setpoint'",
        fault(event(reading("setpoint", "Float64", "17.99")), path, ac, AC));
  }
}
