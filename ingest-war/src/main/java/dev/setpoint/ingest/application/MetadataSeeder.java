package dev.setpoint.ingest.application;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.edgex.DeviceCommand;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.contracts.edgex.ResourceOperation;
import dev.setpoint.ingest.domain.DuplicateNameException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores the metadata Setpoint ships with, if it is not there yet: the device profiles of the room
 * sensor and the air conditioner, and the device agent's device service, as {@link ShippedMetadata}
 * decodes them (from files in the WAR, which double as examples). Seeding only adds what is
 * missing, so an operator's own version of a profile of the same name is kept, and replicas
 * starting together do not clash (the loser of a race sees a duplicate name and moves on).
 *
 * <p>A stored profile that is an earlier release of a shipped one (same name, manufacturer and
 * model) gains the shipped resources and commands it lacks, and keeps everything it has: a hub that
 * stored the room controller's profile before it took energy readings accepts them after the
 * upgrade instead of refusing every event that carries them. A profile of another manufacturer or
 * model under the same name is an operator's own and is left alone.
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
        try {
          metadata.addProfile(profile, AuditActor.SYSTEM);
        } catch (DuplicateNameException e) {
          upgrade(profile);
        }
      }
      for (DeviceService service : shipped.deviceServices()) {
        add(() -> metadata.addDeviceService(service, AuditActor.SYSTEM));
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

  /** Adds to the stored earlier release of {@code shipped} what it lacks, if it is one. */
  private void upgrade(DeviceProfile shipped) {
    Optional<DeviceProfile> stored = metadata.profile(shipped.name());
    if (stored.isEmpty()
        || !Objects.equals(stored.get().manufacturer(), shipped.manufacturer())
        || !Objects.equals(stored.get().model(), shipped.model())) {
      return;
    }
    Optional<DeviceProfile> merged = withMissing(stored.get(), shipped);
    if (merged.isPresent()) {
      metadata.putProfile(merged.get(), AuditActor.SYSTEM);
      LOG.info(
          () ->
              "device profile '"
                  + shipped.name()
                  + "' gained the shipped resources and commands it lacked");
    }
  }

  /**
   * {@code stored} with the resources and commands of {@code shipped} it has no namesake of, after
   * its own, and its commands that have a shipped namesake with the shipped command's resource
   * operations they lack (a later release's {@code energy} command reads one more resource); empty
   * when it lacks none.
   */
  static Optional<DeviceProfile> withMissing(DeviceProfile stored, DeviceProfile shipped) {
    List<DeviceResource> resources = new ArrayList<>(list(stored.deviceResources()));
    for (DeviceResource r : list(shipped.deviceResources())) {
      if (stored.resource(r.name()).isEmpty()) {
        resources.add(r);
      }
    }
    List<DeviceCommand> commands = new ArrayList<>();
    boolean widened = false;
    for (DeviceCommand c : list(stored.deviceCommands())) {
      Optional<DeviceCommand> namesake = shipped.command(c.name());
      List<ResourceOperation> operations = new ArrayList<>(list(c.resourceOperations()));
      for (ResourceOperation op :
          namesake
              .map(DeviceCommand::resourceOperations)
              .map(MetadataSeeder::list)
              .orElse(List.of())) {
        if (operations.stream().noneMatch(o -> o.deviceResource().equals(op.deviceResource()))) {
          operations.add(op);
        }
      }
      widened |= operations.size() != list(c.resourceOperations()).size();
      commands.add(
          new DeviceCommand(c.name(), c.isHidden(), c.readWrite(), List.copyOf(operations)));
    }
    for (DeviceCommand c : list(shipped.deviceCommands())) {
      if (stored.command(c.name()).isEmpty()) {
        commands.add(c);
      }
    }
    if (resources.size() == list(stored.deviceResources()).size()
        && commands.size() == list(stored.deviceCommands()).size()
        && !widened) {
      return Optional.empty();
    }
    return Optional.of(
        new DeviceProfile(
            stored.id(),
            stored.name(),
            stored.manufacturer(),
            stored.model(),
            stored.description(),
            stored.labels(),
            List.copyOf(resources),
            List.copyOf(commands)));
  }

  private static <T> List<T> list(List<T> items) {
    return items == null ? List.of() : items;
  }

  private static void add(Runnable add) {
    try {
      add.run();
    } catch (DuplicateNameException e) {
      // already there: seeded before, by another replica, or replaced by an operator's own
    }
  }
}
