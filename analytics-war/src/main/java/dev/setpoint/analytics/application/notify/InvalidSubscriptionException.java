package dev.setpoint.analytics.application.notify;

/**
 * A subscription that cannot be stored as given; the message says what is wrong with which field.
 */
public class InvalidSubscriptionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidSubscriptionException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The field at fault, e.g. {@code channels[0].url}. */
  public String field() {
    return field;
  }
}
