package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import dev.setpoint.contracts.command.CommandUpsert;
import dev.setpoint.contracts.command.StoredCommand;
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
 * resource ({@link StoredCommand#idOf}), read through JNoSQL and written with the one atomic upsert
 * every writer uses ({@link CommandUpsert}, the relay's too), so a write never races another.
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
  public CommandUpsert.Outcome store(StoredCommand command) {
    return guard(
        () -> {
          try {
            commands.updateOne(
                new Document(CommandUpsert.filter(command)),
                new Document(CommandUpsert.update(command)),
                new UpdateOptions().upsert(true));
            return CommandUpsert.Outcome.STORED;
          } catch (RuntimeException e) {
            if (!Documents.isDuplicateKey(e)) {
              throw e;
            }
            Document current = commands.find(Filters.eq(StoredCommand.ID, command.id())).first();
            return CommandUpsert.outcomeOfRefusal(command, current);
          }
        });
  }

  @Override
  public long deleteDevice(String deviceName) {
    return guard(
        () ->
            commands
                .deleteMany(Filters.eq(StoredCommand.DEVICE_NAME, deviceName))
                .getDeletedCount());
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
