package dev.setpoint.device.buffer;

/**
 * Posts one event; the HTTP client behind it turns every failure into a {@link Delivery#RETRY}
 * attempt, and carries ingest's {@code Retry-After} along.
 */
@FunctionalInterface
public interface EventSender {
  Attempt send(PendingEvent event);
}
