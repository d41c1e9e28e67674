package dev.setpoint.ingest.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MetadataSeederTest {
  private final Fakes.Metadata store = new Fakes.Metadata();
  private final MetadataService metadata =
      new MetadataService(
          store, new Fakes.Commands(), Duration.ofSeconds(5), Ticker.systemTicker());

  private static ShippedMetadata shipped(AtomicBoolean readable) {
    return new ShippedMetadata() {
      @Override
      public List<DeviceProfile> profiles() {
        if (!readable.get()) {
          throw new InvalidMetadataException("profile.name is required");
        }
        return List.of(Profiles.roomSensor(), Profiles.airConditioner());
      }

      @Override
      public List<DeviceService> deviceServices() {
        return List.of(Profiles.service("agent"));
      }
    };
  }

  @Test
  void storesWhatIsMissingAndKeepsWhatIsThere() {
    metadata.addDeviceService(Profiles.service("agent"));
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
}
