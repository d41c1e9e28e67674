package dev.setpoint.ingest.application;

/** A read request asking for more results per page than the configured maximum (EdgeX: 413). */
public class ResultLimitExceededException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ResultLimitExceededException(String message) {
    super(message);
  }
}
