package dev.setpoint.analytics.application.history;

/** A history request parameter that cannot be served; the message says what is wrong with it. */
public class InvalidHistoryRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  public InvalidHistoryRequestException(String parameter, String message) {
    super(parameter + ": " + message);
    this.parameter = parameter;
  }

  /** The request parameter at fault, e.g. {@code range}. */
  public String parameter() {
    return parameter;
  }
}
