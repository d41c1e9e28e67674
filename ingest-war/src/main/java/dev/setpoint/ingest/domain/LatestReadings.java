package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.buffer.BufferedReading;
import java.util.Optional;

/**
 * The most recent reading a device reported for a resource, from the edge buffer: what Core Command
 * answers for a resource no one has commanded (a sensor's temperature, say).
 */
public interface LatestReadings {

  /** The device's newest stored reading of the resource, if one is still in the buffer. */
  Optional<BufferedReading> latest(String deviceName, String resourceName);
}
