package dev.setpoint.ingest.domain;

/**
 * How full a volume is, as {@code df} counts it: bytes in use, and bytes still free for the store
 * (space reserved for root excluded, so a volume can be "full" with blocks left).
 *
 * @param usedBytes bytes in use
 * @param freeBytes bytes the store can still write
 */
public record VolumeUsage(long usedBytes, long freeBytes) {
  public VolumeUsage {
    if (usedBytes < 0 || freeBytes < 0) {
      throw new IllegalArgumentException(
          "a volume's used and free bytes are never negative, were "
              + usedBytes
              + ", "
              + freeBytes);
    }
  }

  /** The fraction used, 0..1: used / (used + free); an empty, sizeless volume counts as full. */
  public double usedFraction() {
    long size = usedBytes + freeBytes;
    return size == 0 ? 1.0 : (double) usedBytes / size;
  }
}
