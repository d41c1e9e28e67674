package dev.setpoint.ingest.application;

import dev.setpoint.ingest.domain.VolumeUsage;

/**
 * When the buffer's volume counts as full, with hysteresis so that ingest does not flap between
 * refusing and accepting around one mark. Both marks are free bytes, worked out from the volume's
 * size:
 *
 * <ul>
 *   <li>refusing starts at or under {@code max(minFree, min((1 − highWater) × size, maxHeadroom))}
 *       free;
 *   <li>refusing ends from {@code max(2 × minFree, min((1 − lowWater) × size, 2 × maxHeadroom))}
 *       free.
 * </ul>
 *
 * <p>The fractions size the headroom on a small volume (an SD card, where 10 % is what the store
 * needs to give space back); {@code maxHeadroom} caps it on a large one, where a fraction would
 * refuse events with gigabytes free (a 100 GB disk shared with other files, 91 % used, still has 9
 * GB for the buffer: days of a fleet's events). The same rule as Elasticsearch's disk watermarks
 * with their {@code max_headroom}.
 *
 * @param highWater fraction used (0..1] that starts refusing, capped by {@code maxHeadroom}
 * @param lowWater fraction used [0..highWater) that ends it, capped by twice {@code maxHeadroom}
 * @param minFree bytes that must stay free whatever the size (0: no such floor)
 * @param maxHeadroom the most free space the fractions can ask for (above {@code minFree})
 */
public record VolumeWatermarks(double highWater, double lowWater, long minFree, long maxHeadroom) {
  public VolumeWatermarks {
    if (!(highWater > 0 && highWater <= 1)) {
      throw new IllegalArgumentException(
          "setpoint.ingest.buffer.volume.high-water must lie in (0, 1], was " + highWater);
    }
    if (!(lowWater >= 0 && lowWater < highWater)) {
      throw new IllegalArgumentException(
          "setpoint.ingest.buffer.volume.low-water must lie in [0, high-water "
              + highWater
              + "), was "
              + lowWater);
    }
    if (minFree < 0 || minFree > Long.MAX_VALUE / 4) {
      throw new IllegalArgumentException(
          "setpoint.ingest.buffer.volume.min-free must be 0 or more bytes, was " + minFree);
    }
    if (maxHeadroom <= 0 || maxHeadroom > Long.MAX_VALUE / 4) {
      throw new IllegalArgumentException(
          "setpoint.ingest.buffer.volume.max-headroom must be more than 0 bytes, was "
              + maxHeadroom);
    }
  }

  /**
   * Whether the volume counts as full now.
   *
   * @param usage the volume's last measurement
   * @param wasFull whether it counted as full before
   */
  public boolean full(VolumeUsage usage, boolean wasFull) {
    if (wasFull) {
      return usage.freeBytes() < acceptFrom(usage);
    }
    return usage.freeBytes() <= refuseAt(usage);
  }

  /** Free bytes at or under which a volume of this size refuses. */
  public long refuseAt(VolumeUsage usage) {
    return Math.max(minFree, Math.min(headroom(usage, highWater), maxHeadroom));
  }

  /** Free bytes from which a refusing volume of this size takes events again. */
  public long acceptFrom(VolumeUsage usage) {
    return Math.max(2 * minFree, Math.min(headroom(usage, lowWater), 2 * maxHeadroom));
  }

  private static long headroom(VolumeUsage usage, double usedMark) {
    long size = usage.usedBytes() + usage.freeBytes();
    return Math.round((1 - usedMark) * size);
  }
}
