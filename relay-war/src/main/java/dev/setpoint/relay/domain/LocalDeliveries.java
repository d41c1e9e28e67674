package dev.setpoint.relay.domain;

/**
 * What the relay delivered to its {@link LocalAlertReceiver}, kept durably so a restart does not
 * deliver it again.
 */
public interface LocalDeliveries {

  /** Whether the alert change with this id was delivered. */
  boolean delivered(String eventId);

  /** Whether any change of the alert with this id was delivered (its clearing is then too). */
  boolean alertDelivered(String alertId);

  /** Records a delivered change of an alert. */
  void record(String eventId, String alertId, long atMillis);

  /** Forgets the deliveries made before {@code beforeMillis}. */
  void purge(long beforeMillis);
}
