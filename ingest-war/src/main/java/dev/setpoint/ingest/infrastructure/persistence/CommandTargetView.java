package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.setpoint.contracts.command.CommandTarget;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceResource;
import dev.setpoint.contracts.edgex.ResourceProperties;
import dev.setpoint.contracts.edgex.ValueTypes;
import dev.setpoint.ingest.infrastructure.persistence.document.DeviceDocument;
import dev.setpoint.ingest.infrastructure.persistence.document.ProfileDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes {@link CommandTarget}, the read-only view of each device's lock and writable resources
 * that the relay checks the cloud's commands against, so the relay never reads ingest's device and
 * profile collections. Written after every change of a device (registered, patched, deleted) or of
 * a profile, and for every device at startup ({@link EdgeBufferIndexes}), which also repairs a view
 * left behind by a crash between a device's write and its view's.
 */
@ApplicationScoped
public class CommandTargetView {
  private final DocumentTemplate template;
  private final MongoCollection<Document> targets;
  private final Clock clock;

  @Inject
  public CommandTargetView(
      DocumentTemplate template,
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database) {
    this.template = template;
    this.targets = client.getDatabase(database).getCollection(CommandTarget.COLLECTION);
    this.clock = Clock.systemUTC();
  }

  /** For CDI's proxy only. */
  protected CommandTargetView() {
    this.template = null;
    this.targets = null;
    this.clock = null;
  }

  /** The view of a device under its profile (none: no resource may be commanded). */
  static CommandTarget of(Device device, Optional<DeviceProfile> profile, long now) {
    List<CommandTarget.Resource> writable = new ArrayList<>();
    if (profile.isPresent() && profile.get().deviceResources() != null) {
      for (DeviceResource resource : profile.get().deviceResources()) {
        ResourceProperties p = resource.properties();
        if (!resource.isHidden()
            && p != null
            && p.readWrite() != null
            && p.readWrite().writable()) {
          writable.add(
              new CommandTarget.Resource(
                  resource.name(),
                  ValueTypes.canonical(p.valueType()).orElse(p.valueType()),
                  p.minimum(),
                  p.maximum()));
        }
      }
    }
    return new CommandTarget(device.name(), device.locked(), List.copyOf(writable), now);
  }

  /** Writes the device's view as its profile stands now. */
  void publish(Device device) {
    Optional<DeviceProfile> profile =
        template.find(ProfileDocument.class, device.profileName()).map(MetadataDocuments::profile);
    CommandTarget target = of(device, profile, clock.millis());
    Documents.put(
        template, target, template.find(CommandTarget.class, target.deviceName()).isPresent());
  }

  /** Removes a deleted device's view. */
  void remove(String deviceName) {
    targets.deleteOne(Filters.eq("_id", deviceName));
  }

  /** Rewrites the view of every device of the profile (it was replaced). */
  void publishProfile(String profileName) {
    template
        .select(DeviceDocument.class)
        .where("profileName")
        .eq(profileName)
        .<DeviceDocument>result()
        .forEach(d -> publish(MetadataDocuments.device(d)));
  }

  /** Rewrites the view of every registered device; returns how many. */
  long publishAll() {
    List<DeviceDocument> all = template.select(DeviceDocument.class).<DeviceDocument>result();
    all.forEach(d -> publish(MetadataDocuments.device(d)));
    return all.size();
  }
}
