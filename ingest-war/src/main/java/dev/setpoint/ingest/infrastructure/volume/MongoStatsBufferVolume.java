package dev.setpoint.ingest.infrastructure.volume;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import dev.setpoint.ingest.domain.BufferVolume;
import dev.setpoint.ingest.domain.VolumeNotMeasurableException;
import dev.setpoint.ingest.domain.VolumeUsage;
import org.bson.Document;

/**
 * The volume of the MongoDB server's dbPath, from its own {@code dbStats}: {@code fsUsedSize} and
 * {@code fsTotalSize}, which MongoDB 4.4 and later report. mongo-java-server reports neither (nor
 * does a server that refuses the command): then the volume cannot be measured this way.
 */
public final class MongoStatsBufferVolume implements BufferVolume {
  private final MongoDatabase database;

  public MongoStatsBufferVolume(MongoClient client, String database) {
    this.database = client.getDatabase(database);
  }

  @Override
  public VolumeUsage measure() {
    Document stats;
    try {
      stats = database.runCommand(new Document("dbStats", 1));
    } catch (MongoCommandException e) {
      throw new VolumeNotMeasurableException(
          "the MongoDB server refuses dbStats (" + e.getErrorCodeName() + ")" + HINT);
    }
    if (!(stats.get("fsUsedSize") instanceof Number used)
        || !(stats.get("fsTotalSize") instanceof Number total)
        || total.longValue() <= 0) {
      throw new VolumeNotMeasurableException(
          "the MongoDB server's dbStats reports no fsUsedSize and fsTotalSize"
              + " (mongo-java-server does not)"
              + HINT);
    }
    long usedBytes = Math.min(used.longValue(), total.longValue());
    return new VolumeUsage(usedBytes, total.longValue() - usedBytes);
  }

  private static final String HINT =
      "; set setpoint.ingest.buffer.volume.path to its data directory";

  @Override
  public String describe() {
    return "MongoDB's dbStats of database " + database.getName();
  }
}
