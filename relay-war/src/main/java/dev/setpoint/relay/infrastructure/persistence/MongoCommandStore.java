package dev.setpoint.relay.infrastructure.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.setpoint.contracts.buffer.StoredCommand;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.relay.domain.CommandStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The latest commands in ingest's {@link StoredCommand#COLLECTION}, written in the layout of {@link
 * StoredCommand} (ingest reads them through JNoSQL) with one atomic upsert per command: its filter
 * matches the document only if it holds neither this command id nor a command issued later. When it
 * does not match, the upsert's insert collides with the existing {@code _id}, and that
 * duplicate-key refusal is the answer "already stored or superseded" — no read-then-write race
 * between relay replicas or with an operator's {@code PUT}.
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
  public Outcome store(CommandMessage command, String valueType) {
    String id = StoredCommand.idOf(command.device(), command.resource());
    try {
      commands.updateOne(
          Filters.and(
              Filters.eq("_id", id),
              Filters.ne("commandId", command.commandId()),
              Filters.lte("setAt", command.issuedAt())),
          Updates.combine(
              Updates.set("deviceName", command.device()),
              Updates.set("resourceName", command.resource()),
              Updates.set("valueType", valueType),
              Updates.set("value", command.value()),
              Updates.set("source", command.source().name()),
              Updates.set("setAt", command.issuedAt()),
              Updates.set("commandId", command.commandId()),
              Updates.inc("version", 1L)),
          new UpdateOptions().upsert(true));
      return Outcome.STORED;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      Document current = commands.find(Filters.eq("_id", id)).first();
      return current != null && command.commandId().equals(current.getString("commandId"))
          ? Outcome.ALREADY_STORED
          : Outcome.SUPERSEDED;
    }
  }
}
