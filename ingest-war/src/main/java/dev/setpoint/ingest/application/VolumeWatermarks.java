package dev.setpoint.ingest.application;

import dev.setpoint.ingest.domain.VolumeUsage;

/**
 * When the buffer's volume counts as full, with hysteresis so that ingest does not flap between
 * refusing and accepting around one mark: full at or above {@code highWater} used, or with fewer
 * than {@code minFree} bytes free; once full, it stays full until at most {@code lowWater} is used
 * and at least twice {@code minFree} is free.
 *
 * @param highWater fraction used (0..1] that starts refusing
 * @param lowWater fraction used [0..highWater) that ends it
 * @param minFree bytes that must stay free (0: no such floor)
 */
public record VolumeWatermarks(double highWater, double lowWater, long minFree) {
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
    if (minFree < 0 || minFree > Long.MAX_VALUE / 2) {
      throw new IllegalArgumentException(
          "setpoint.ingest.buffer.volume.min-free must be 0 or more bytes, was " + minFree);
    }
  }

  /**
   * Whether the volume counts as full now.
   *
   * @param usage the volume's last measurement
   * @param wasFull whether it counted as full before
   */
  public boolean full(VolumeUsage usage, boolean wasFull) {
    double used = usage.usedFraction();
    if (wasFull) {
      return used > lowWater || usage.freeBytes() < 2 * minFree;
    }
    return used >= highWater || usage.freeBytes() < minFree;
  }
}
