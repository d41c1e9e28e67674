package dev.setpoint.ingest.domain;

/**
 * The volume the edge buffer's store writes to: how full it is now. Measuring may take a file
 * system call or a round trip to MongoDB, so it is asked on a schedule, never per request.
 */
public interface BufferVolume {
  /**
   * How full the volume is now.
   *
   * @throws VolumeNotMeasurableException this volume cannot be measured here (the reason says why);
   *     asking again will not change that
   * @throws RuntimeException measuring failed this time (e.g. MongoDB unreachable)
   */
  VolumeUsage measure();

  /** What is measured, in words for the server's log (may name a path). */
  String describe();
}
