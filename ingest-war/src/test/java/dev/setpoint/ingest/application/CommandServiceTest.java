package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.buffer.BufferedReading;
import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.command.StoredCommand;
import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.UpdateDevice;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandServiceTest {
  private final Fakes.Metadata store = new Fakes.Metadata();
  private final Fakes.Commands commands = new Fakes.Commands();
  private final Fakes.Readings readings = new Fakes.Readings();
  private final Clock clock = Clock.fixed(Instant.ofEpochMilli(1_700), ZoneOffset.UTC);
  private final Fakes.Outbox outbox = new Fakes.Outbox();
  private final AuditTrail audit = Fakes.audit(outbox);
  private final MetadataService metadata =
      new MetadataService(store, commands, audit, Duration.ZERO, Ticker.systemTicker());
  // ttl 0: no caching, so the readings changed by a test are read (LatestReadingCacheTest)
  private final CommandService service =
      new CommandService(
          metadata,
          commands,
          new LatestReadingCache(
              readings, Duration.ZERO, 0, 1, Duration.ofSeconds(1), clock, Ticker.systemTicker()),
          audit,
          clock);

  @BeforeEach
  void seed() {
    metadata.addProfile(Profiles.roomSensor(), Fakes.OPERATOR);
    metadata.addProfile(Profiles.airConditioner(), Fakes.OPERATOR);
    metadata.addDeviceService(Profiles.service("agent"), Fakes.OPERATOR);
    metadata.addDevice(
        Profiles.device("ac-1", "air-conditioner", AdminState.UNLOCKED), Fakes.OPERATOR);
    metadata.addDevice(
        Profiles.device("rack-1", "room-sensor", AdminState.UNLOCKED), Fakes.OPERATOR);
  }

  private String fault(String device, String command, Map<String, String> values) {
    return assertThrows(
            InvalidCommandException.class,
            () -> service.write(device, command, values, CommandSource.OPERATOR, Fakes.OPERATOR))
        .getMessage();
  }

  @Test
  void storesAnOperatorsSetpointAndCountsVersions() {
    service.write(
        "ac-1", "setpoint", Map.of("setpoint", "24.5"), CommandSource.OPERATOR, Fakes.OPERATOR);
    StoredCommand first = commands.latest("ac-1", "setpoint").orElseThrow();
    assertEquals("24.5", first.value());
    assertEquals(CommandSource.OPERATOR, first.source());
    assertEquals(1_700L, first.setAt());
    assertEquals(1L, first.version());
    assertEquals("Float64", first.valueType());

    service.write(
        "ac-1", "setpoint", Map.of("setpoint", "18"), CommandSource.RECOMMENDER, Fakes.OPERATOR);
    StoredCommand second = commands.latest("ac-1", "setpoint").orElseThrow();
    assertEquals(2L, second.version());
    assertEquals(CommandSource.RECOMMENDER, second.source());

    Event event = service.read("ac-1", "setpoint");
    assertEquals("setpoint", event.sourceName());
    assertEquals("18", event.readings().get(0).value());
    assertEquals(BigInteger.valueOf(1_700_000_000L), event.origin());
  }

  @Test
  void anOperatorsHeldSetpointIsNotReplacedByARecommendationButByAnotherOperator() {
    Instant until = clock.instant().plus(Duration.ofHours(2));
    service.write(
        "ac-1",
        "setpoint",
        Map.of("setpoint", "21"),
        CommandSource.OPERATOR,
        java.util.Optional.of(until),
        Fakes.OPERATOR);
    StoredCommand held = commands.latest("ac-1", "setpoint").orElseThrow();
    assertEquals(until.toEpochMilli(), held.heldUntil());

    service.write(
        "ac-1", "setpoint", Map.of("setpoint", "25"), CommandSource.RECOMMENDER, Fakes.OPERATOR);
    assertEquals("21", commands.latest("ac-1", "setpoint").orElseThrow().value());

    service.write(
        "ac-1", "setpoint", Map.of("setpoint", "22"), CommandSource.OPERATOR, Fakes.OPERATOR);
    StoredCommand released = commands.latest("ac-1", "setpoint").orElseThrow();
    assertEquals("22", released.value());
    assertEquals(null, released.heldUntil(), "a write without hold-until releases the hold");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-1|hold-until 1970-01-01T00:00:01.699Z is not in the future",
        "0|hold-until 1970-01-01T00:00:01.700Z is not in the future",
        "2678400001|hold-until 1970-02-01T00:00:01.701Z is more than 31 days ahead",
      })
  void refusesAHoldThatIsNotAheadOrTooFarAndStoresNothing(long aheadMillis, String message) {
    Instant until = clock.instant().plusMillis(aheadMillis);
    assertEquals(
        message,
        assertThrows(
                InvalidCommandException.class,
                () ->
                    service.write(
                        "ac-1",
                        "setpoint",
                        Map.of("setpoint", "21"),
                        CommandSource.OPERATOR,
                        java.util.Optional.of(until),
                        Fakes.OPERATOR))
            .getMessage());
    assertTrue(commands.commands.isEmpty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "setpoint|setpoint|30|setpoint '30' lies outside [18.0, 27.0]",
        "setpoint|setpoint|17.999|setpoint '17.999' lies outside [18.0, 27.0]",
        "setpoint|setpoint|warm|setpoint 'warm' is not a valid Float64",
        "setpoint|setpoint|NaN|setpoint 'NaN' is not a valid Float64",
        "setpoint|setpoint|Infinity|setpoint 'Infinity' is not a valid Float64",
        "setpoint|mode|cool|'mode' is not a resource of command 'setpoint'",
        "fan|fan|4|fan '4' lies outside [0.0, 3.0]",
        "fan|fan|-1|fan '-1' is not a valid Uint8",
        "fan|fan|1.5|fan '1.5' is not a valid Uint8",
        "mode|mode|cool|command 'mode' is read-only",
        "status|setpoint|20|command 'status' is read-only",
      })
  void refusesValuesThatDoNotFitTheProfileAndStoresNothing(
      String command, String resource, String value, String message) {
    assertEquals(message, fault("ac-1", command, Map.of(resource, value)));
    assertTrue(commands.commands.isEmpty());
  }

  @Test
  void oneBadValueStoresNoneOfTheOthers() {
    metadata.addProfile(
        new dev.setpoint.contracts.edgex.DeviceProfile(
            null,
            "dual",
            null,
            null,
            null,
            null,
            Profiles.airConditioner().deviceResources(),
            java.util.List.of(
                new dev.setpoint.contracts.edgex.DeviceCommand(
                    "both",
                    false,
                    dev.setpoint.contracts.edgex.ReadWrite.W,
                    java.util.List.of(
                        new dev.setpoint.contracts.edgex.ResourceOperation("setpoint", null),
                        new dev.setpoint.contracts.edgex.ResourceOperation("fan", null))))),
        Fakes.OPERATOR);
    metadata.addDevice(Profiles.device("dual-1", "dual", AdminState.UNLOCKED), Fakes.OPERATOR);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("setpoint", "20");
    values.put("fan", "9");
    assertEquals("fan '9' lies outside [0.0, 3.0]", fault("dual-1", "both", values));
    assertTrue(commands.commands.isEmpty());
    assertEquals(
        "the body must set at least one resource of command 'both'",
        fault("dual-1", "both", Map.of()));
  }

  @Test
  void unknownDevicesCommandsAndLockedDevices() {
    assertEquals(
        "device 'ghost' is not registered",
        assertThrows(UnknownMetadataException.class, () -> service.read("ghost", "setpoint"))
            .getMessage());
    assertEquals(
        "device 'ac-1' has no command 'heat' (profile 'air-conditioner' defines no such visible"
            + " command or resource)",
        assertThrows(UnknownMetadataException.class, () -> service.read("ac-1", "heat"))
            .getMessage());
    metadata.updateDevice(
        new UpdateDevice("ac-1", null, AdminState.LOCKED, null, null, null), Fakes.OPERATOR);
    assertEquals(
        "device 'ac-1' is locked",
        assertThrows(
                DeviceLockedException.class,
                () ->
                    service.write(
                        "ac-1",
                        "setpoint",
                        Map.of("setpoint", "20"),
                        CommandSource.OPERATOR,
                        Fakes.OPERATOR))
            .getMessage());
    assertThrows(DeviceLockedException.class, () -> service.read("ac-1", "setpoint"));
  }

  @Test
  void readsFallBackToTheLatestReportedValueAndSayWhenThereIsNone() {
    assertEquals(
        "no value stored yet for resource 'temperature' of device 'rack-1': neither commanded"
            + " nor reported",
        assertThrows(UnknownMetadataException.class, () -> service.read("rack-1", "climate"))
            .getMessage());
    readings.latest.put(
        "rack-1/temperature", new BufferedReading("a", 5L, "temperature", "Float64", "21.5", "°C"));
    readings.latest.put(
        "rack-1/humidity", new BufferedReading("b", 7L, "humidity", "Float64", "40", "%"));
    Event event = service.read("rack-1", "climate");
    assertEquals(2, event.readings().size());
    assertEquals("21.5", event.readings().get(0).value());
    assertEquals("humidity", event.readings().get(1).resourceName());
    assertEquals(BigInteger.valueOf(7), event.origin());
    assertEquals("room-sensor", event.profileName());
    assertEquals(
        "command 'fan' is write-only",
        assertThrows(InvalidCommandException.class, () -> service.read("ac-1", "fan"))
            .getMessage());
  }

  @Test
  void eachStoredValueIsAuditedWithTheOneItReplacedAndAHoldAsAHold() {
    service.write(
        "ac-1", "setpoint", Map.of("setpoint", "24.5"), CommandSource.OPERATOR, Fakes.OPERATOR);
    service.write(
        "ac-1",
        "setpoint",
        Map.of("setpoint", "21"),
        CommandSource.OPERATOR,
        java.util.Optional.of(clock.instant().plus(Duration.ofHours(1))),
        Fakes.OPERATOR);

    List<AuditRecord> commanded =
        outbox.records().stream()
            .filter(r -> r.kind().equals("command") || r.kind().equals("hold"))
            .toList();
    assertEquals(2, commanded.size(), commanded.toString());
    AuditRecord set = commanded.get(0);
    assertEquals("command", set.kind());
    assertEquals("create", set.action());
    assertEquals("ac-1/setpoint", set.target());
    assertEquals("ac-1", set.device());
    assertEquals("alice", set.actor());
    assertNull(set.before());
    assertTrue(set.after().contains("\"value\":\"24.5\""), set.after());
    assertTrue(set.after().contains("\"source\":\"OPERATOR\""), set.after());
    AuditRecord hold = commanded.get(1);
    assertEquals("hold", hold.kind());
    assertEquals("update", hold.action());
    assertTrue(hold.before().contains("\"value\":\"24.5\""), hold.before());
    assertTrue(hold.after().contains("\"heldUntil\":\"1970-01-01T01:00:01.700Z\""), hold.after());
  }

  @Test
  void aRefusedValueIsNotAudited() {
    int before = outbox.records().size();
    fault("ac-1", "setpoint", Map.of("setpoint", "99"));
    assertEquals(before, outbox.records().size());
  }
}
