package dev.setpoint.relay.domain;

import dev.setpoint.contracts.alert.EdgeAlert;

/**
 * Whoever on the edge's own network is told of a critical room alert while the cloud cannot be
 * reached (the site's LAN webhook).
 */
public interface LocalAlertReceiver {

  /** What came of one attempt: delivered or not, and the receiver's answer in words. */
  record Delivery(boolean delivered, String detail) {}

  /** Whether a receiver is configured at all. */
  boolean configured();

  /**
   * One attempt to deliver an alert change; never throws for a receiver that fails.
   *
   * @param deliveryId the change's id, the same on every attempt, so the receiver de-duplicates
   */
  Delivery deliver(String deliveryId, EdgeAlert alert);
}
