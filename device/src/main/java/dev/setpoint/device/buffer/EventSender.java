package dev.setpoint.device.buffer;

/** Posts one event; the HTTP client behind it turns every failure into {@link Delivery#RETRY}. */
@FunctionalInterface
public interface EventSender {
  Delivery send(PendingEvent event);
}
