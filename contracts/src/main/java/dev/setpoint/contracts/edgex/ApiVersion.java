package dev.setpoint.contracts.edgex;

/** The EdgeX API version Setpoint speaks on its v3 endpoints. */
public final class ApiVersion {
  /** Value of every {@code apiVersion} field on the v3 API. */
  public static final String V3 = "v3";

  private ApiVersion() {}
}
