package dev.setpoint.analytics.domain.notify;

/**
 * Sends transmissions on one type of channel. One call is one attempt, bounded in time by the
 * sender's timeout; a receiver's failure is a result, not an exception.
 */
public interface ChannelSender {
  /**
   * Tries once to send {@code transmission} to its channel.
   *
   * @param subscription the transmission's subscription as it is now (its secret signs webhooks)
   */
  SendResult send(Transmission transmission, Subscription subscription);
}
