package dev.setpoint.analytics.domain.notify;

/**
 * What one attempt to send a transmission came to.
 *
 * @param delivered whether the receiver took it
 * @param response what it answered, or why it was not sent
 */
public record SendResult(boolean delivered, String response) {
  public static SendResult delivered(String response) {
    return new SendResult(true, response);
  }

  public static SendResult failed(String response) {
    return new SendResult(false, response);
  }
}
