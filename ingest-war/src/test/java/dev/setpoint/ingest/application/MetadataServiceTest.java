package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.command.StoredCommand;
import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.OperatingState;
import dev.setpoint.contracts.edgex.UpdateDevice;
import dev.setpoint.ingest.domain.DuplicateNameException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetadataServiceTest {
  private final Fakes.Metadata store = new Fakes.Metadata();
  private final Fakes.Commands commands = new Fakes.Commands();
  private final Fakes.Outbox outbox = new Fakes.Outbox();
  private final MetadataService metadata =
      new MetadataService(
          store, commands, Fakes.audit(outbox), Duration.ofSeconds(5), Ticker.systemTicker());

  @BeforeEach
  void seed() {
    metadata.addProfile(Profiles.roomSensor(), Fakes.OPERATOR);
    metadata.addProfile(Profiles.airConditioner(), Fakes.OPERATOR);
    metadata.addDeviceService(Profiles.service("agent"), Fakes.OPERATOR);
  }

  @Test
  void assignsUuidsAndRefusesDuplicateNames() {
    String id =
        metadata.addDevice(
            Profiles.device("rack-1", "room-sensor", AdminState.UNLOCKED), Fakes.OPERATOR);
    assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
    assertEquals(id, store.devices.get("rack-1").id());
    assertEquals(
        "device 'rack-1' already exists",
        assertThrows(
                DuplicateNameException.class,
                () ->
                    metadata.addDevice(
                        Profiles.device("rack-1", "room-sensor", AdminState.UNLOCKED),
                        Fakes.OPERATOR))
            .getMessage());
    assertThrows(
        DuplicateNameException.class,
        () -> metadata.addProfile(Profiles.roomSensor(), Fakes.OPERATOR));
  }

  @Test
  void aDeviceNeedsAnExistingServiceAndProfile() {
    Device unknownProfile = Profiles.device("d", "thermostat", AdminState.UNLOCKED);
    assertEquals(
        "device.profileName 'thermostat' is not a registered device profile",
        assertThrows(
                UnknownMetadataException.class,
                () -> metadata.addDevice(unknownProfile, Fakes.OPERATOR))
            .getMessage());
    Device unknownService =
        new Device(
            null,
            "d",
            null,
            AdminState.UNLOCKED,
            OperatingState.UP,
            "nobody",
            "room-sensor",
            null,
            null,
            java.util.Map.of("http", java.util.Map.of()),
            null);
    assertEquals(
        "device.serviceName 'nobody' is not a registered device service",
        assertThrows(
                UnknownMetadataException.class,
                () -> metadata.addDevice(unknownService, Fakes.OPERATOR))
            .getMessage());
    assertTrue(store.devices.isEmpty());
  }

  @Test
  void lockingTakesEffectAtOnceDespiteTheCache() {
    metadata.addDevice(
        Profiles.device("rack-1", "room-sensor", AdminState.UNLOCKED), Fakes.OPERATOR);
    assertEquals(AdminState.UNLOCKED, metadata.device("rack-1").orElseThrow().adminState());
    Device locked =
        metadata.updateDevice(
            new UpdateDevice("rack-1", null, AdminState.LOCKED, null, List.of("x"), null),
            Fakes.OPERATOR);
    assertEquals(AdminState.LOCKED, locked.adminState());
    assertEquals(List.of("x"), locked.labels());
    assertEquals(AdminState.LOCKED, metadata.device("rack-1").orElseThrow().adminState());
    assertEquals(
        "device 'ghost' is not registered",
        assertThrows(
                UnknownMetadataException.class,
                () ->
                    metadata.updateDevice(
                        new UpdateDevice("ghost", null, AdminState.LOCKED, null, null, null),
                        Fakes.OPERATOR))
            .getMessage());
  }

  @Test
  void lookupsAreCachedAbsentOnesIncludedAndAddsInvalidate() {
    assertTrue(metadata.device("rack-9").isEmpty());
    assertTrue(metadata.device("rack-9").isEmpty());
    assertEquals(1, store.deviceReads.get(), "the second lookup came from the cache");
    metadata.addDevice(
        Profiles.device("rack-9", "room-sensor", AdminState.UNLOCKED), Fakes.OPERATOR);
    assertTrue(metadata.device("rack-9").isPresent(), "a local add is seen at once");
  }

  @Test
  void profilesAndServicesInUseCannotBeDeleted() {
    metadata.addDevice(
        Profiles.device("rack-1", "room-sensor", AdminState.UNLOCKED), Fakes.OPERATOR);
    assertEquals(
        "device profile 'room-sensor' is used by 1 device(s); delete them first",
        assertThrows(
                MetadataInUseException.class,
                () -> metadata.deleteProfile("room-sensor", Fakes.OPERATOR))
            .getMessage());
    assertThrows(
        MetadataInUseException.class, () -> metadata.deleteDeviceService("agent", Fakes.OPERATOR));
    metadata.deleteProfile("air-conditioner", Fakes.OPERATOR);
    assertTrue(metadata.profile("air-conditioner").isEmpty());
    assertThrows(
        UnknownMetadataException.class,
        () -> metadata.deleteProfile("air-conditioner", Fakes.OPERATOR));
    metadata.deleteDevice("rack-1", Fakes.OPERATOR);
    metadata.deleteProfile("room-sensor", Fakes.OPERATOR);
    metadata.deleteDeviceService("agent", Fakes.OPERATOR);
    assertThrows(
        UnknownMetadataException.class, () -> metadata.deleteDevice("rack-1", Fakes.OPERATOR));
  }

  @Test
  void deletingADeviceForgetsItsCommands() {
    metadata.addDevice(
        Profiles.device("ac-1", "air-conditioner", AdminState.UNLOCKED), Fakes.OPERATOR);
    commands.store(
        StoredCommand.toStore(
            "ac-1", "setpoint", "Float64", "24", CommandSource.OPERATOR, 1L, "c-1"));
    metadata.deleteDevice("ac-1", Fakes.OPERATOR);
    assertTrue(commands.commands.isEmpty());
    assertTrue(metadata.device("ac-1").isEmpty());
  }

  @Test
  void pagesAreInNameOrderWithTheTotal() {
    for (String name : List.of("c", "a", "b")) {
      metadata.addDevice(Profiles.device(name, "room-sensor", AdminState.UNLOCKED), Fakes.OPERATOR);
    }
    var page = metadata.devices(1, 1);
    assertEquals(3, page.totalCount());
    assertEquals("b", page.items().get(0).name());
  }

  @Test
  void everyDeviceChangeIsAuditedWithWhoWhereAndTheStatesBeforeAndAfter() {
    Device plain = Profiles.device("rack-7", "room-sensor", AdminState.UNLOCKED);
    Device rack =
        new Device(
            null,
            plain.name(),
            null,
            plain.adminState(),
            plain.operatingState(),
            plain.serviceName(),
            plain.profileName(),
            List.of("site:gwangju", "room:hall-a"),
            null,
            plain.protocols(),
            plain.autoEvents());
    metadata.addDevice(rack, Fakes.OPERATOR);
    metadata.updateDevice(
        new UpdateDevice("rack-7", null, AdminState.LOCKED, null, null, null), Fakes.OPERATOR);
    metadata.updateDevice(
        new UpdateDevice("rack-7", "by the door", null, null, null, null), Fakes.OPERATOR);
    metadata.updateDevice(
        new UpdateDevice("rack-7", "by the door", null, null, null, null), Fakes.OPERATOR);
    metadata.updateDevice(
        new UpdateDevice("rack-7", null, AdminState.UNLOCKED, null, null, null), Fakes.OPERATOR);
    metadata.deleteDevice("rack-7", Fakes.OPERATOR);

    List<AuditRecord> device =
        outbox.records().stream().filter(r -> r.kind().equals("device")).toList();
    assertEquals(
        List.of("create", "lock", "update", "unlock", "delete"),
        device.stream().map(AuditRecord::action).toList(),
        "a patch that changes nothing is not a change");
    for (AuditRecord r : device) {
      assertEquals("alice", r.actor());
      assertEquals("operator", r.role());
      assertEquals("192.0.2.7", r.address());
      assertEquals("ingest@gwangju", r.origin());
      assertEquals("rack-7", r.target());
      assertEquals("rack-7", r.device());
      assertEquals("gwangju", r.site());
      assertEquals("hall-a", r.room());
    }
    assertNull(device.get(0).before());
    assertTrue(
        device.get(0).after().contains("\"adminState\":\"UNLOCKED\""), device.get(0).after());
    assertTrue(device.get(1).before().contains("\"adminState\":\"UNLOCKED\""));
    assertTrue(device.get(1).after().contains("\"adminState\":\"LOCKED\""));
    assertTrue(device.get(2).after().contains("\"description\":\"by the door\""));
    assertTrue(device.get(4).before().contains("\"name\":\"rack-7\""));
    assertNull(device.get(4).after());
  }

  @Test
  void profileAndServiceChangesAreAuditedAndAProfilePutAsStoredIsNot() {
    metadata.putProfile(Profiles.roomSensor(), AuditActor.SYSTEM);
    metadata.deleteProfile("air-conditioner", Fakes.OPERATOR);
    metadata.deleteDeviceService("agent", Fakes.OPERATOR);

    List<String> seen =
        outbox.records().stream().map(r -> r.kind() + " " + r.action() + " " + r.target()).toList();
    assertEquals(
        List.of(
            "profile create room-sensor",
            "profile create air-conditioner",
            "service create agent",
            "profile delete air-conditioner",
            "service delete agent"),
        seen);
    AuditRecord deleted = outbox.records().get(3);
    assertTrue(deleted.before().contains("\"name\":\"air-conditioner\""), deleted.before());
    assertNull(deleted.after());
  }

  @Test
  void aChangeStandsWhenTheOutboxCannotTakeItsRecord() {
    outbox.down = true;
    String id =
        metadata.addDevice(
            Profiles.device("rack-3", "room-sensor", AdminState.UNLOCKED), Fakes.OPERATOR);
    assertEquals(id, metadata.device("rack-3").orElseThrow().id());
  }
}
