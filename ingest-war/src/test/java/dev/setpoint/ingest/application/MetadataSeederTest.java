package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.contracts.edgex.DeviceCommand;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.contracts.edgex.ReadWrite;
import dev.setpoint.contracts.edgex.ResourceOperation;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetadataSeederTest {
  private final Fakes.Metadata store = new Fakes.Metadata();
  private final MetadataService metadata =
      new MetadataService(
          store,
          new Fakes.Commands(),
          Fakes.audit(new Fakes.Outbox()),
          Duration.ofSeconds(5),
          Ticker.systemTicker());

  private static ShippedMetadata shipped(AtomicBoolean readable) {
    return shipped(readable, List.of(Profiles.roomSensor(), Profiles.airConditioner()));
  }

  private static ShippedMetadata shipped(AtomicBoolean readable, List<DeviceProfile> profiles) {
    return new ShippedMetadata() {
      @Override
      public List<DeviceProfile> profiles() {
        if (!readable.get()) {
          throw new InvalidMetadataException("profile.name is required");
        }
        return profiles;
      }

      @Override
      public List<DeviceService> deviceServices() {
        return List.of(Profiles.service("agent"));
      }
    };
  }

  @Test
  void storesWhatIsMissingAndKeepsWhatIsThere() {
    metadata.addDeviceService(Profiles.service("agent"), Fakes.OPERATOR);
    MetadataSeeder seeder = new MetadataSeeder(metadata, shipped(new AtomicBoolean(true)));
    assertTrue(seeder.seed());
    assertTrue(seeder.seeded());
    assertEquals(2, store.profiles(0, 10).totalCount());
    assertEquals(1, store.deviceServices(0, 10).totalCount());
  }

  @Test
  void triesAgainAfterAFailure() {
    AtomicBoolean readable = new AtomicBoolean(false);
    MetadataSeeder seeder = new MetadataSeeder(metadata, shipped(readable));
    assertFalse(seeder.seed());
    readable.set(true);
    assertTrue(seeder.seed());
    assertEquals(2, store.profiles(0, 10).totalCount());
  }

  @Test
  void anEarlierReleaseOfAShippedProfileGainsWhatItLacksAndAnOperatorsOwnIsLeftAlone() {
    DeviceProfile shippedSensor = Profiles.roomSensor();
    DeviceProfile earlier =
        new DeviceProfile(
            null,
            shippedSensor.name(),
            shippedSensor.manufacturer(),
            shippedSensor.model(),
            "an earlier release",
            shippedSensor.labels(),
            List.of(shippedSensor.deviceResources().getFirst()),
            List.of());
    metadata.addProfile(earlier, Fakes.OPERATOR);
    DeviceProfile own =
        new DeviceProfile(
            null,
            "air-conditioner",
            "Acme",
            "ac-9",
            null,
            null,
            List.of(Profiles.airConditioner().deviceResources().getFirst()),
            List.of());
    metadata.addProfile(own, Fakes.OPERATOR);
    String id = store.profile("room-sensor").orElseThrow().id();

    assertTrue(new MetadataSeeder(metadata, shipped(new AtomicBoolean(true))).seed());

    DeviceProfile upgraded = store.profile("room-sensor").orElseThrow();
    assertEquals(id, upgraded.id(), "the same profile, upgraded in place");
    assertEquals("an earlier release", upgraded.description(), "what it had is kept");
    assertEquals(
        List.of("temperature", "humidity"),
        upgraded.deviceResources().stream().map(r -> r.name()).toList());
    assertTrue(upgraded.command("climate").isPresent());
    DeviceProfile kept = store.profile("air-conditioner").orElseThrow();
    assertEquals(1, kept.deviceResources().size(), "another maker's profile is the operator's");
    assertTrue(MetadataSeeder.withMissing(upgraded, shippedSensor).isEmpty(), "nothing lacks");
  }

  /** A room controller's energy readings and its energy command of them, as a release ships it. */
  private static DeviceProfile roomController(List<String> energy) {
    return new DeviceProfile(
        null,
        "room-controller",
        "Setpoint",
        "room-controller-1",
        null,
        List.of("sensor"),
        energy.stream()
            .map(name -> Profiles.resource(name, "Float64", ReadWrite.R, 0.0, null, null))
            .toList(),
        List.of(
            new DeviceCommand(
                "energy",
                false,
                ReadWrite.R,
                energy.stream().map(name -> new ResourceOperation(name, null)).toList())));
  }

  @Test
  void aRoomControllerStoredBeforeTheComputeLoadGainsIt() {
    DeviceProfile shipped =
        roomController(List.of("cooling_power", "it_power", "compute_power", "it_energy"));
    metadata.addProfile(
        roomController(List.of("cooling_power", "it_power", "it_energy")), Fakes.OPERATOR);

    assertTrue(
        new MetadataSeeder(metadata, shipped(new AtomicBoolean(true), List.of(shipped))).seed());

    DeviceProfile upgraded = store.profile("room-controller").orElseThrow();
    assertEquals(
        List.of("cooling_power", "it_power", "it_energy", "compute_power"),
        upgraded.deviceResources().stream().map(r -> r.name()).toList(),
        "an agent's compute_power reading conforms to the stored profile");
    assertEquals(shipped.resource("compute_power"), upgraded.resource("compute_power"));
    assertEquals(
        List.of("cooling_power", "it_power", "it_energy", "compute_power"),
        upgraded.command("energy").orElseThrow().resourceOperations().stream()
            .map(ResourceOperation::deviceResource)
            .toList(),
        "reading the energy command reads the compute load too");
    assertTrue(MetadataSeeder.withMissing(upgraded, shipped).isEmpty(), "nothing lacks");
  }
}
