package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
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
  private final MetadataService metadata =
      new MetadataService(store, commands, Duration.ofSeconds(5), Ticker.systemTicker());

  @BeforeEach
  void seed() {
    metadata.addProfile(Profiles.roomSensor());
    metadata.addProfile(Profiles.airConditioner());
    metadata.addDeviceService(Profiles.service("agent"));
  }

  @Test
  void assignsUuidsAndRefusesDuplicateNames() {
    String id = metadata.addDevice(Profiles.device("rack-1", "room-sensor", AdminState.UNLOCKED));
    assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
    assertEquals(id, store.devices.get("rack-1").id());
    assertEquals(
        "device 'rack-1' already exists",
        assertThrows(
                DuplicateNameException.class,
                () ->
                    metadata.addDevice(
                        Profiles.device("rack-1", "room-sensor", AdminState.UNLOCKED)))
            .getMessage());
    assertThrows(DuplicateNameException.class, () -> metadata.addProfile(Profiles.roomSensor()));
  }

  @Test
  void aDeviceNeedsAnExistingServiceAndProfile() {
    Device unknownProfile = Profiles.device("d", "thermostat", AdminState.UNLOCKED);
    assertEquals(
        "device.profileName 'thermostat' is not a registered device profile",
        assertThrows(UnknownMetadataException.class, () -> metadata.addDevice(unknownProfile))
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
        assertThrows(UnknownMetadataException.class, () -> metadata.addDevice(unknownService))
            .getMessage());
    assertTrue(store.devices.isEmpty());
  }

  @Test
  void lockingTakesEffectAtOnceDespiteTheCache() {
    metadata.addDevice(Profiles.device("rack-1", "room-sensor", AdminState.UNLOCKED));
    assertEquals(AdminState.UNLOCKED, metadata.device("rack-1").orElseThrow().adminState());
    Device locked =
        metadata.updateDevice(
            new UpdateDevice("rack-1", null, AdminState.LOCKED, null, List.of("x"), null));
    assertEquals(AdminState.LOCKED, locked.adminState());
    assertEquals(List.of("x"), locked.labels());
    assertEquals(AdminState.LOCKED, metadata.device("rack-1").orElseThrow().adminState());
    assertEquals(
        "device 'ghost' is not registered",
        assertThrows(
                UnknownMetadataException.class,
                () ->
                    metadata.updateDevice(
                        new UpdateDevice("ghost", null, AdminState.LOCKED, null, null, null)))
            .getMessage());
  }

  @Test
  void lookupsAreCachedAbsentOnesIncludedAndAddsInvalidate() {
    assertTrue(metadata.device("rack-9").isEmpty());
    assertTrue(metadata.device("rack-9").isEmpty());
    assertEquals(1, store.deviceReads.get(), "the second lookup came from the cache");
    metadata.addDevice(Profiles.device("rack-9", "room-sensor", AdminState.UNLOCKED));
    assertTrue(metadata.device("rack-9").isPresent(), "a local add is seen at once");
  }

  @Test
  void profilesAndServicesInUseCannotBeDeleted() {
    metadata.addDevice(Profiles.device("rack-1", "room-sensor", AdminState.UNLOCKED));
    assertEquals(
        "device profile 'room-sensor' is used by 1 device(s); delete them first",
        assertThrows(MetadataInUseException.class, () -> metadata.deleteProfile("room-sensor"))
            .getMessage());
    assertThrows(MetadataInUseException.class, () -> metadata.deleteDeviceService("agent"));
    metadata.deleteProfile("air-conditioner");
    assertTrue(metadata.profile("air-conditioner").isEmpty());
    assertThrows(UnknownMetadataException.class, () -> metadata.deleteProfile("air-conditioner"));
    metadata.deleteDevice("rack-1");
    metadata.deleteProfile("room-sensor");
    metadata.deleteDeviceService("agent");
    assertThrows(UnknownMetadataException.class, () -> metadata.deleteDevice("rack-1"));
  }

  @Test
  void deletingADeviceForgetsItsCommands() {
    metadata.addDevice(Profiles.device("ac-1", "air-conditioner", AdminState.UNLOCKED));
    commands.store(
        StoredCommand.toStore(
            "ac-1", "setpoint", "Float64", "24", CommandSource.OPERATOR, 1L, "c-1"));
    metadata.deleteDevice("ac-1");
    assertTrue(commands.commands.isEmpty());
    assertTrue(metadata.device("ac-1").isEmpty());
  }

  @Test
  void pagesAreInNameOrderWithTheTotal() {
    for (String name : List.of("c", "a", "b")) {
      metadata.addDevice(Profiles.device(name, "room-sensor", AdminState.UNLOCKED));
    }
    var page = metadata.devices(1, 1);
    assertEquals(3, page.totalCount());
    assertEquals("b", page.items().get(0).name());
  }
}
