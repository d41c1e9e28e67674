package dev.setpoint.ingest.application;

import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.ingest.domain.DuplicateNameException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores the metadata Setpoint ships with, if it is not there yet: the device profiles of the room
 * sensor and the air conditioner, and the device agent's device service, as {@link ShippedMetadata}
 * decodes them (from files in the WAR, which double as examples). Seeding only adds what is
 * missing, so an operator's own version of a profile of the same name is kept, and replicas
 * starting together do not clash (the loser of a race sees a duplicate name and moves on).
 *
 * <p>Tried once at startup; if MongoDB is not reachable then, the startup check ({@code
 * MetadataSeedCheck}) tries again on each probe until it succeeds.
 */
@ApplicationScoped
public class MetadataSeeder {
  private static final Logger LOG = Logger.getLogger(MetadataSeeder.class.getName());

  private final MetadataService metadata;
  private final ShippedMetadata shipped;
  private volatile boolean seeded;

  @Inject
  public MetadataSeeder(MetadataService metadata, ShippedMetadata shipped) {
    this.metadata = metadata;
    this.shipped = shipped;
  }

  /** For CDI's proxy only. */
  protected MetadataSeeder() {
    this.metadata = null;
    this.shipped = null;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    seed();
  }

  /**
   * Adds the shipped metadata that is missing.
   *
   * @return true once everything is stored (now or before)
   */
  public synchronized boolean seed() {
    if (seeded) {
      return true;
    }
    try {
      for (DeviceProfile profile : shipped.profiles()) {
        add(() -> metadata.addProfile(profile));
      }
      for (DeviceService service : shipped.deviceServices()) {
        add(() -> metadata.addDeviceService(service));
      }
      seeded = true;
      LOG.info("shipped device profiles and device services are stored");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not store the shipped metadata yet: " + e.getMessage(), e);
    }
    return seeded;
  }

  /** Whether the shipped metadata is stored. */
  public boolean seeded() {
    return seeded;
  }

  private static void add(Runnable add) {
    try {
      add.run();
    } catch (DuplicateNameException e) {
      // already there: seeded before, by another replica, or replaced by an operator's own
    }
  }
}
