package dev.setpoint.ingest.application.legacy;

/** A v1 record whose name is already taken (EdgeX v1 answered 409). */
public class DuplicateNameException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DuplicateNameException(String kind, String name) {
    super(kind + " '" + name + "' already exists");
  }
}
