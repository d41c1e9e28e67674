package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge buffer's volume, {@code setpoint.ingest.buffer.volume.*}: which volume is watched, the
 * marks at which ingest stops taking events (507) and takes them again, and how often it looks.
 *
 * <p>Why 256 MB free at least, besides the fraction: on a small SD card 10 % is little, and the
 * store needs room to give room back. mongo-java-server's H2 file is copy-on-write (the relay's
 * marks and purges write new chunks before old ones are freed) and a real MongoDB journals each
 * write; at the embedded default's ~5.5 KB on disk per event, 1,500 events/s fill ~8 MB/s, so one 2
 * s sampling period overshoots by ~16 MB: 256 MB leaves sixteen times that for the deletes that
 * free space.
 */
@Dependent
public class BufferVolumeConfig {
  /**
   * A directory on the buffer's volume (the MongoDB-wire server's data directory); its file system
   * is measured. Unset (or empty): MongoDB's own {@code dbStats} ({@code fsUsedSize}, {@code
   * fsTotalSize}), which a MongoDB 4.4 or later reports for its dbPath's volume; a server that
   * reports neither (mongo-java-server) leaves the check off, said once in the log and in health.
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.buffer.volume.path")
  public Optional<String> path;

  /** Fraction of the volume used (0..1) at which ingest refuses events. */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.buffer.volume.high-water", defaultValue = "0.90")
  public double highWater;

  /** Fraction used at or below which a refusing ingest takes events again (below high-water). */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.buffer.volume.low-water", defaultValue = "0.85")
  public double lowWater;

  /**
   * Bytes that must stay free: fewer refuses events, whatever the fraction; taking them again needs
   * twice as many.
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.buffer.volume.min-free", defaultValue = "268435456")
  public long minFree;

  /**
   * The most free space the fractions ask for: on a large volume refusing starts under this many
   * bytes free (whatever the fraction used) and ends from twice as many. 1 GiB is over two minutes
   * of 1,500 events/s at the embedded default's ~5.5 KB per event, sixty times the overshoot of one
   * sampling period; a fraction alone would refuse a fleet's events on a 100 GB disk with 9 GB
   * free.
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.buffer.volume.max-headroom", defaultValue = "1073741824")
  public long maxHeadroom;

  /** How often the volume is measured; requests read the last result. */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.buffer.volume.sample-interval", defaultValue = "PT2S")
  public Duration sampleInterval;

  /**
   * The {@code Retry-After} of a refusal: space returns as the relay drains and purges (every
   * minute by default), so the devices need not ask much more often.
   */
  @Inject
  @ConfigProperty(name = "setpoint.ingest.buffer.volume.retry-after", defaultValue = "PT30S")
  public Duration retryAfter;
}
