package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.contracts.edgex.AddEventRequest;
import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.Reading;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventValidatorTest {
  private static final String ID = "0d4c8f1e-4a8e-4f55-9a0b-6a1f2b3c4d5e";
  private static final long ORIGIN = 1_764_316_800_000_000_000L;
  private static final BigInteger ORIGIN_NS = BigInteger.valueOf(ORIGIN);
  private static final EventPath PATH = new EventPath("svc", "room-sensor", "rack-1", "climate");

  private final EventValidator validator = new EventValidator();

  private static Reading reading(String resource, String type, String value) {
    return new Reading(null, ORIGIN_NS, "rack-1", resource, "room-sensor", type, value, null, null);
  }

  private static AddEventRequest request(String device, List<Reading> readings) {
    return new AddEventRequest(
        "v3",
        "req-1",
        new Event("v3", ID, device, "room-sensor", "climate", ORIGIN_NS, readings, null));
  }

  private static String fault(AddEventRequest request) {
    return assertThrows(
            InvalidEventException.class, () -> new EventValidator().validate(request, PATH, 1L))
        .getMessage();
  }

  @Test
  void acceptsAValidEventAsPending() {
    BufferedEvent event =
        validator.validate(
            request(
                "rack-1",
                List.of(
                    reading("temperature", "Float64", "2.130000e+01"),
                    reading("humidity", "float64", "40.5"))),
            PATH,
            42L);
    assertEquals(ID, event.id());
    assertEquals(EventState.PENDING, event.state());
    assertEquals(42L, event.receivedAt());
    assertNull(event.forwardedAt());
    assertEquals(2, event.readings().size());
    assertEquals("2.130000e+01", event.readings().get(0).value());
    assertEquals(ORIGIN, event.readings().get(1).origin());
  }

  @Test
  void deviceInBodyMustEqualThePath() {
    String message = fault(request("rack-2", List.of(reading("temperature", "Float64", "20"))));
    assertTrue(message.startsWith("event.deviceName 'rack-2'"), message);
  }

  @Test
  void refusesAnEventWithoutReadings() {
    assertEquals(
        "event.readings must hold at least one reading",
        fault(request("rack-1", Collections.emptyList())));
    assertEquals("event.readings must hold at least one reading", fault(request("rack-1", null)));
  }

  @ParameterizedTest
  @CsvSource({
    "Float64, NaN",
    "Float64, Infinity",
    "Float64, 1e400",
    "Float32, 1e39",
    "Float64, twenty",
    "Int8, 128",
    "Uint8, -1",
    "Int64, 9223372036854775808",
    "Bool, yes",
  })
  void refusesValuesThatDoNotParseAsTheirType(String type, String value) {
    String message = fault(request("rack-1", List.of(reading("temperature", type, value))));
    assertEquals("event.readings[0].value '" + value + "' is not a valid " + type, message);
  }

  @Test
  void namesTheReadingAtFault() {
    List<Reading> readings = new ArrayList<>();
    readings.add(reading("temperature", "Float64", "21"));
    readings.add(reading("humidity", "Complex", "1"));
    assertEquals(
        "event.readings[1].valueType 'Complex' is not a supported simple EdgeX value type",
        fault(request("rack-1", readings)));
  }

  @Test
  void eventIdMustBeACanonicalUuid() {
    AddEventRequest shortForm =
        new AddEventRequest(
            "v3",
            null,
            new Event(
                "v3",
                "1-1-1-1-1",
                "rack-1",
                "room-sensor",
                "climate",
                ORIGIN_NS,
                List.of(reading("temperature", "Float64", "20")),
                null));
    assertEquals("event.id '1-1-1-1-1' is not a UUID", fault(shortForm));
  }

  @Test
  void refusesAnOriginBeyondInt64() {
    AddEventRequest huge =
        new AddEventRequest(
            "v3",
            null,
            new Event(
                "v3",
                ID,
                "rack-1",
                "room-sensor",
                "climate",
                BigInteger.TEN.pow(30),
                List.of(reading("temperature", "Float64", "20")),
                null));
    assertEquals(
        "event.origin must be a positive int64 epoch in nanoseconds, was " + BigInteger.TEN.pow(30),
        fault(huge));
  }

  @Test
  void refusesAResourceTwiceInOneEventAndReservedNames() {
    assertEquals(
        "event.readings[1].resourceName 'temperature' appears twice in one event",
        fault(
            request(
                "rack-1",
                List.of(
                    reading("temperature", "Float64", "20"),
                    reading("temperature", "Float64", "21")))));
    assertEquals(
        "event.readings[0].resourceName 'time' is reserved for a numeric reading; use another"
            + " resource name",
        fault(request("rack-1", List.of(reading("time", "Float64", "20")))));
  }

  @Test
  void allowsReservedNamesForTextReadingsThatNeverReachTheTimeSeriesStore() {
    // The report's v1 script reports its device name and local time as text readings.
    assertEquals(
        2,
        new EventValidator()
            .validate(
                request(
                    "rack-1",
                    List.of(
                        reading("time", "String", "26.11.28-09:45:00"),
                        reading("temperature", "Float64", "20"))),
                PATH,
                0L)
            .readings()
            .size());
  }

  @Test
  void refusesAMissingEventAndABadApiVersion() {
    assertEquals("event is required", fault(new AddEventRequest("v3", null, null)));
    assertEquals("request body is required", fault(null));
    assertEquals("apiVersion must be v3, was v2", fault(new AddEventRequest("v2", null, null)));
  }
}
