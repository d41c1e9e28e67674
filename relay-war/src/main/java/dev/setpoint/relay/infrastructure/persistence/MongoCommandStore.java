package dev.setpoint.relay.infrastructure.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import dev.setpoint.contracts.command.CommandUpsert;
import dev.setpoint.contracts.command.StoredCommand;
import dev.setpoint.relay.domain.CommandStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The latest commands ({@link StoredCommand#COLLECTION}), written with the one atomic upsert every
 * writer uses ({@link CommandUpsert}; ingest stores an operator's {@code PUT} the same way), so
 * relay replicas and operators are ordered by one rule, with no read-then-write race.
 */
@ApplicationScoped
public class MongoCommandStore implements CommandStore {
  private final MongoCollection<Document> commands;

  @Inject
  public MongoCommandStore(
      MongoClient client, @ConfigProperty(name = "jnosql.document.database") String database) {
    this.commands = client.getDatabase(database).getCollection(StoredCommand.COLLECTION);
  }

  /** For CDI's proxy only. */
  protected MongoCommandStore() {
    this.commands = null;
  }

  @Override
  public CommandUpsert.Outcome store(StoredCommand command) {
    try {
      commands.updateOne(
          new Document(CommandUpsert.filter(command)),
          new Document(CommandUpsert.update(command)),
          new UpdateOptions().upsert(true));
      return CommandUpsert.Outcome.STORED;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      Document current = commands.find(Filters.eq(StoredCommand.ID, command.id())).first();
      return CommandUpsert.outcomeOfRefusal(command, current);
    }
  }
}
