package dev.setpoint.relay.infrastructure.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.command.CommandUpsert;
import dev.setpoint.contracts.command.StoredCommand;
import dev.setpoint.relay.domain.CommandStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
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

  @Override
  public Optional<StoredCommand> latest(String deviceName, String resourceName) {
    return Optional.ofNullable(
            commands
                .find(Filters.eq(StoredCommand.ID, StoredCommand.idOf(deviceName, resourceName)))
                .first())
        .map(MongoCommandStore::command);
  }

  /** A stored document as the command it holds (field names from {@link StoredCommand}). */
  static StoredCommand command(Document d) {
    Number held = d.get(StoredCommand.HELD_UNTIL, Number.class);
    return new StoredCommand(
        d.getString(StoredCommand.ID),
        d.getString(StoredCommand.DEVICE_NAME),
        d.getString(StoredCommand.RESOURCE_NAME),
        d.getString(StoredCommand.VALUE_TYPE),
        d.getString(StoredCommand.VALUE),
        source(d.getString(StoredCommand.SOURCE)),
        number(d, StoredCommand.SET_AT),
        number(d, StoredCommand.VERSION),
        d.getString(StoredCommand.COMMAND_ID),
        held == null ? null : held.longValue());
  }

  /** A source this release does not know reads as none, rather than failing the read. */
  private static CommandSource source(String name) {
    for (CommandSource s : CommandSource.values()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  private static long number(Document d, String field) {
    Number n = d.get(field, Number.class);
    return n == null ? 0 : n.longValue();
  }
}
