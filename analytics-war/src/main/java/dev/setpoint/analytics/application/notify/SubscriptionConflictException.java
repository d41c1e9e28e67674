package dev.setpoint.analytics.application.notify;

/** A subscription of that name exists already. */
public class SubscriptionConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SubscriptionConflictException(String name) {
    super("a subscription named '" + name + "' exists already");
  }
}
