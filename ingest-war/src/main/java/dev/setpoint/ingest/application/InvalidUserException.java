package dev.setpoint.ingest.application;

/** A user request with a field that breaks the rules (400); {@link #field()} names it. */
public class InvalidUserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /**
   * @param field the request field at fault ({@code username}, {@code role}, {@code password},
   *     {@code disabled})
   * @param problem what is wrong with it
   */
  public InvalidUserException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
