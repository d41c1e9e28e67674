package dev.setpoint.analytics.application.savings;

/**
 * A savings request that the room's measurement plan or data cannot serve as asked (no baseline
 * period set, a pilot already running, a reporting period inside the baseline period); the message
 * says what and why. 409, naming the parameter at fault.
 */
public class SavingsConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  public SavingsConflictException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }
}
