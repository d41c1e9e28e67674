package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.model.Filters;
import dev.setpoint.contracts.buffer.StoredCommand;
import dev.setpoint.ingest.domain.CommandStore;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jnosql.databases.mongodb.mapping.MongoDBTemplate;

/**
 * The latest commands in collection {@link StoredCommand#COLLECTION}, one document per device and
 * resource ({@link StoredCommand#idOf}); a write replaces the document whole, so readers never see
 * half a command.
 */
@ApplicationScoped
public class JnosqlCommandStore implements CommandStore {
  private final MongoDBTemplate template;

  @Inject
  public JnosqlCommandStore(MongoDBTemplate template) {
    this.template = template;
  }

  /** For CDI's proxy only. */
  protected JnosqlCommandStore() {
    this.template = null;
  }

  @Override
  public Optional<StoredCommand> latest(String deviceName, String resourceName) {
    return guard(
        () -> template.find(StoredCommand.class, StoredCommand.idOf(deviceName, resourceName)));
  }

  @Override
  public void put(StoredCommand command) {
    guard(
        () -> {
          // JNoSQL's update replaces an existing document only; the first command is an insert.
          if (template.find(StoredCommand.class, command.id()).isPresent()) {
            return template.update(command);
          }
          try {
            return template.insert(command);
          } catch (RuntimeException e) {
            if (Documents.isDuplicateKey(e)) {
              // another writer stored the first command meanwhile: ours is the later one
              return template.update(command);
            }
            throw e;
          }
        });
  }

  @Override
  public long deleteDevice(String deviceName) {
    return guard(
        () -> template.delete(StoredCommand.COLLECTION, Filters.eq("deviceName", deviceName)));
  }

  private static <T> T guard(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      if (Documents.isMongoFailure(e)) {
        throw new StoreUnavailableException("the command store (MongoDB) did not answer", e);
      }
      throw e;
    }
  }
}
