package dev.setpoint.ingest.application;

import java.time.Duration;

/**
 * The edge buffer's volume is above its high-water mark (507); nothing stored. The device keeps the
 * event in its journal and posts it again after {@link #retryAfter()}: space returns as the relay
 * forwards and purges.
 */
public class BufferVolumeFullException extends RetryLaterException {
  private static final long serialVersionUID = 1L;

  public BufferVolumeFullException(String message, Duration retryAfter) {
    super(message, retryAfter);
  }
}
