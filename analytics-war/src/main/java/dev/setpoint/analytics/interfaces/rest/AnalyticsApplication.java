package dev.setpoint.analytics.interfaces.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * Analytics' REST API at the WAR's root ({@code /analytics}): the KServe v2 ({@code /v2/models})
 * and TensorFlow Serving ({@code /v1/models}) predict APIs and the operator's model endpoints
 * ({@code /api/v1/model}). Operators authenticate with the same MicroProfile JWT as at ingest
 * (Liberty verifies it; see server.xml): a JWT of the group {@value #OPERATOR} has that role.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles(AnalyticsApplication.OPERATOR)
public class AnalyticsApplication extends Application {
  /** The JWT group, and role, of operators. */
  public static final String OPERATOR = "operator";
}
