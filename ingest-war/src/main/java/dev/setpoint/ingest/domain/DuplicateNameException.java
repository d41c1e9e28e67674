package dev.setpoint.ingest.domain;

/** A name already taken by another record of the same kind (EdgeX 409). */
public class DuplicateNameException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param kind e.g. {@code device profile}
   * @param name the name in use
   */
  public DuplicateNameException(String kind, String name) {
    super(kind + " '" + name + "' already exists");
  }
}
