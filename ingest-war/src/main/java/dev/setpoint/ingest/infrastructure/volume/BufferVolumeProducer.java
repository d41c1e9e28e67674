package dev.setpoint.ingest.infrastructure.volume;

import com.mongodb.client.MongoClient;
import dev.setpoint.ingest.config.BufferVolumeConfig;
import dev.setpoint.ingest.domain.BufferVolume;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Chooses how the buffer's volume is measured: the configured directory's file system when {@code
 * setpoint.ingest.buffer.volume.path} is set, else MongoDB's own {@code dbStats}.
 */
@ApplicationScoped
public class BufferVolumeProducer {
  @Produces
  @ApplicationScoped
  BufferVolume bufferVolume(
      BufferVolumeConfig config,
      MongoClient client,
      @ConfigProperty(name = "jnosql.document.database") String database) {
    return config
        .path
        .filter(p -> !p.isBlank())
        .<BufferVolume>map(p -> new FileStoreBufferVolume(Path.of(p)))
        .orElseGet(() -> new MongoStatsBufferVolume(client, database));
  }
}
