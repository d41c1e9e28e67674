package dev.setpoint.ingest.infrastructure.volume;

import dev.setpoint.ingest.domain.BufferVolume;
import dev.setpoint.ingest.domain.VolumeNotMeasurableException;
import dev.setpoint.ingest.domain.VolumeUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file system of a directory on the buffer's volume (the MongoDB-wire server's data directory),
 * through {@link FileStore}: used = total − unallocated, free = usable (what a process that is not
 * root may still write), as {@code df} counts them. The file system is looked up at every
 * measurement, so a volume mounted on the directory later is the one measured.
 */
public final class FileStoreBufferVolume implements BufferVolume {
  private final Path directory;

  public FileStoreBufferVolume(Path directory) {
    this.directory = directory;
  }

  @Override
  public VolumeUsage measure() {
    if (!Files.isDirectory(directory)) {
      throw new VolumeNotMeasurableException(
          "setpoint.ingest.buffer.volume.path is not a directory (yet)");
    }
    try {
      FileStore store = Files.getFileStore(directory);
      long total = store.getTotalSpace();
      long unallocated = store.getUnallocatedSpace();
      long usable = store.getUsableSpace();
      if (total <= 0) {
        throw new VolumeNotMeasurableException(
            "the file system of setpoint.ingest.buffer.volume.path reports no size");
      }
      return new VolumeUsage(Math.max(0, total - unallocated), Math.max(0, usable));
    } catch (IOException e) {
      throw new UncheckedIOException("measuring the file system of " + directory, e);
    }
  }

  @Override
  public String describe() {
    return "the file system of " + directory;
  }
}
