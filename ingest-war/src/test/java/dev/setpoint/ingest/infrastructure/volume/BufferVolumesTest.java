package dev.setpoint.ingest.infrastructure.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import dev.setpoint.ingest.domain.VolumeNotMeasurableException;
import dev.setpoint.ingest.domain.VolumeUsage;
import java.net.InetSocketAddress;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BufferVolumesTest {
  @TempDir Path dir;

  @Test
  void aDirectorysFileSystemIsMeasuredAsDfCountsIt() throws Exception {
    VolumeUsage usage = new FileStoreBufferVolume(dir).measure();
    FileStore store = Files.getFileStore(dir);
    assertEquals(store.getTotalSpace() - store.getUnallocatedSpace(), usage.usedBytes(), 64e6);
    assertEquals(store.getUsableSpace(), usage.freeBytes(), 64e6);
    assertTrue(usage.usedFraction() > 0 && usage.usedFraction() < 1, usage.toString());
  }

  @Test
  void aMissingDirectoryCannotBeMeasuredAndTheReasonNamesTheKeyNotThePath() {
    Path missing = dir.resolve("not-mounted");
    VolumeNotMeasurableException e =
        assertThrows(
            VolumeNotMeasurableException.class, () -> new FileStoreBufferVolume(missing).measure());
    assertTrue(e.getMessage().contains("setpoint.ingest.buffer.volume.path"), e.getMessage());
    assertTrue(!e.getMessage().contains(dir.toString()), e.getMessage());
  }

  @Test
  void mongoJavaServerReportsNoFileSystemSizesSoItsVolumeCannotBeMeasured() {
    MongoServer server = new MongoServer(H2Backend.inMemory());
    InetSocketAddress address = server.bind();
    try (MongoClient client =
        MongoClients.create(
            "mongodb://" + address.getHostString() + ":" + address.getPort() + "/")) {
      VolumeNotMeasurableException e =
          assertThrows(
              VolumeNotMeasurableException.class,
              () -> new MongoStatsBufferVolume(client, "setpoint").measure());
      assertTrue(e.getMessage().contains("setpoint.ingest.buffer.volume.path"), e.getMessage());
    } finally {
      server.shutdownNow();
    }
  }
}
