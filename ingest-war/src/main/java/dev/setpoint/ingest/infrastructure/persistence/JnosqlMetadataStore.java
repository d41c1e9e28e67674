package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.setpoint.contracts.edgex.Device;
import dev.setpoint.contracts.edgex.DeviceProfile;
import dev.setpoint.contracts.edgex.DeviceService;
import dev.setpoint.ingest.domain.DuplicateNameException;
import dev.setpoint.ingest.domain.MetadataStore;
import dev.setpoint.ingest.domain.Page;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.infrastructure.persistence.document.DeviceDocument;
import dev.setpoint.ingest.infrastructure.persistence.document.DeviceServiceDocument;
import dev.setpoint.ingest.infrastructure.persistence.document.ProfileDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Core Metadata in MongoDB through JNoSQL: collections {@code deviceProfiles}, {@code
 * deviceServices} and {@code devices} (documents in {@code document}), each keyed by name ({@code
 * _id}), so an insert of a taken name fails atomically with a duplicate key, whichever replica
 * posts it. Every change of a device or profile also rewrites the devices' {@link
 * CommandTargetView}, the read-only view the relay checks commands against, and moves the change
 * stamp ({@link #changes}: {@code $inc} of the one document in {@code metadataChanges}) that the
 * lookup caches of every ingest server compare.
 */
@ApplicationScoped
public class JnosqlMetadataStore implements MetadataStore {
  private static final Logger LOG = Logger.getLogger(JnosqlMetadataStore.class.getName());

  /** The collection of the change stamp's one document. */
  static final String CHANGES = "metadataChanges";

  private static final String STAMP = "stamp";
  private static final String COUNT = "n";

  private final DocumentTemplate template;
  private final MongoDatabase database;
  private final CommandTargetView targets;

  /**
   * @param template JNoSQL's document template (never {@code MongoDBTemplate}: {@link
   *     JnosqlDocumentManagerProducer})
   * @param client ingest's client, for the counts by field and the deletes that answer whether they
   *     found the document
   */
  @Inject
  public JnosqlMetadataStore(
      DocumentTemplate template,
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database,
      CommandTargetView targets) {
    this.template = template;
    this.database = client.getDatabase(database);
    this.targets = targets;
  }

  /** For CDI's proxy only. */
  protected JnosqlMetadataStore() {
    this.template = null;
    this.database = null;
    this.targets = null;
  }

  @Override
  public void addProfile(DeviceProfile profile) {
    insert(MetadataDocuments.of(profile), "device profile", profile.name());
    changed();
  }

  @Override
  public Optional<DeviceProfile> profile(String name) {
    return read(() -> template.find(ProfileDocument.class, name).map(MetadataDocuments::profile));
  }

  @Override
  public Page<DeviceProfile> profiles(int offset, int limit) {
    return page(ProfileDocument.class, offset, limit, MetadataDocuments::profile);
  }

  @Override
  public boolean deleteProfile(String name) {
    boolean deleted = delete(ProfileDocument.COLLECTION, name);
    changed();
    return deleted;
  }

  @Override
  public void addDeviceService(DeviceService service) {
    insert(MetadataDocuments.of(service), "device service", service.name());
  }

  @Override
  public Optional<DeviceService> deviceService(String name) {
    return read(
        () -> template.find(DeviceServiceDocument.class, name).map(MetadataDocuments::service));
  }

  @Override
  public Page<DeviceService> deviceServices(int offset, int limit) {
    return page(DeviceServiceDocument.class, offset, limit, MetadataDocuments::service);
  }

  @Override
  public boolean deleteDeviceService(String name) {
    return delete(DeviceServiceDocument.COLLECTION, name);
  }

  @Override
  public void addDevice(Device device) {
    insert(MetadataDocuments.of(device), "device", device.name());
    read(
        () -> {
          targets.publish(device);
          return null;
        });
    changed();
  }

  @Override
  public void putProfile(DeviceProfile profile) {
    read(
        () -> {
          ProfileDocument document = MetadataDocuments.of(profile);
          Documents.put(
              template, document, template.find(ProfileDocument.class, profile.name()).isPresent());
          targets.publishProfile(profile.name());
          return null;
        });
    changed();
  }

  @Override
  public boolean replaceDevice(Device device) {
    return read(
        () -> {
          if (template.find(DeviceDocument.class, device.name()).isEmpty()) {
            return false;
          }
          template.update(MetadataDocuments.of(device));
          targets.publish(device);
          changed();
          return true;
        });
  }

  @Override
  public Optional<Device> device(String name) {
    return read(() -> template.find(DeviceDocument.class, name).map(MetadataDocuments::device));
  }

  @Override
  public Page<Device> devices(int offset, int limit) {
    return page(DeviceDocument.class, offset, limit, MetadataDocuments::device);
  }

  @Override
  public boolean deleteDevice(String name) {
    boolean deleted = delete(DeviceDocument.COLLECTION, name);
    read(
        () -> {
          targets.remove(name);
          return null;
        });
    changed();
    return deleted;
  }

  @Override
  public long devicesWithProfile(String profileName) {
    return read(
        () ->
            database
                .getCollection(DeviceDocument.COLLECTION)
                .countDocuments(Filters.eq("profileName", profileName)));
  }

  @Override
  public long devicesOfService(String serviceName) {
    return read(
        () ->
            database
                .getCollection(DeviceDocument.COLLECTION)
                .countDocuments(Filters.eq("serviceName", serviceName)));
  }

  @Override
  public long changes() {
    return read(
        () -> {
          Document stamp = database.getCollection(CHANGES).find(Filters.eq("_id", STAMP)).first();
          return stamp == null ? 0 : stamp.get(COUNT, Number.class).longValue();
        });
  }

  /**
   * Moves the change stamp, after the write it follows has landed (a cache that sees the new stamp
   * and reloads reads the write). A stamp the store does not take now fails nothing: the write has
   * landed and must be answered as such (a client told 503 would send it again and meet its own
   * duplicate); other servers then see it within the cache's maximum age instead of its TTL, and
   * this one at once (its own cache is dropped by the caller).
   */
  private void changed() {
    try {
      database
          .getCollection(CHANGES)
          .updateOne(
              Filters.eq("_id", STAMP), Updates.inc(COUNT, 1L), new UpdateOptions().upsert(true));
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "the metadata change stamp was not moved (other servers see this change within the"
              + " cache's maximum age): {0}",
          e.getMessage());
    }
  }

  private void insert(Object document, String kind, String name) {
    try {
      template.insert(document);
    } catch (RuntimeException e) {
      if (Documents.isDuplicateKey(e)) {
        throw new DuplicateNameException(kind, name);
      }
      throw unavailable(e);
    }
  }

  private boolean delete(String collection, String name) {
    return read(
        () ->
            database.getCollection(collection).deleteOne(Filters.eq("_id", name)).getDeletedCount()
                > 0);
  }

  private <D, T> Page<T> page(Class<D> type, int offset, int limit, Function<D, T> mapping) {
    return read(
        () -> {
          long total = template.count(type);
          List<T> items =
              template
                  .select(type)
                  .orderBy("name")
                  .asc()
                  .skip(offset)
                  .limit(limit)
                  .<D>result()
                  .stream()
                  .map(mapping)
                  .toList();
          return new Page<>(items, total);
        });
  }

  private static <T> T read(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  private static RuntimeException unavailable(RuntimeException e) {
    if (Documents.isMongoFailure(e)) {
      return new StoreUnavailableException("Core Metadata (MongoDB) did not answer", e);
    }
    return e;
  }
}
