package dev.setpoint.analytics.interfaces.rest;

/** A predict request whose tensor is missing, misnamed, of the wrong type or shape: a 400. */
public class BadTensorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String input;

  /**
   * @param input the input at fault (the request's name for it), or {@code null} for the body
   */
  public BadTensorException(String input, String message) {
    super(message);
    this.input = input;
  }

  public String input() {
    return input;
  }
}
