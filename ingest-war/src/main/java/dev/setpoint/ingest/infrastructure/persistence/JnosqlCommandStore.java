package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.setpoint.contracts.buffer.StoredCommand;
import dev.setpoint.ingest.domain.CommandStore;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Supplier;
import org.bson.Document;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The latest commands in collection {@link StoredCommand#COLLECTION}, one document per device and
 * resource ({@link StoredCommand#idOf}); a write replaces the document whole, so readers never see
 * half a command.
 */
@ApplicationScoped
public class JnosqlCommandStore implements CommandStore {
  private final DocumentTemplate template;
  private final MongoCollection<Document> commands;

  /**
   * @param template JNoSQL's document template (never {@code MongoDBTemplate}: {@link
   *     JnosqlDocumentManagerProducer})
   * @param client ingest's client, for the delete by device that the template cannot count
   */
  @Inject
  public JnosqlCommandStore(
      DocumentTemplate template,
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database) {
    this.template = template;
    this.commands = client.getDatabase(database).getCollection(StoredCommand.COLLECTION);
  }

  /** For CDI's proxy only. */
  protected JnosqlCommandStore() {
    this.template = null;
    this.commands = null;
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
    return guard(() -> commands.deleteMany(Filters.eq("deviceName", deviceName)).getDeletedCount());
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
