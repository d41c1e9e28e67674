package dev.setpoint.ingest.application.legacy;

/** A v1 request that reaches beyond the v1 profile, e.g. a device of a v3 profile (403). */
public class LegacyScopeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LegacyScopeException(String message) {
    super(message);
  }
}
