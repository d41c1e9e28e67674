package dev.setpoint.analytics.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * REST resources of analytics start at {@code /analytics/api}. Operators authenticate with a
 * MicroProfile JWT (from ingest's {@code POST /api/auth/token} or the configured issuer); {@link
 * OperatorFilter} admits them to the {@link OperatorOnly} resources.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Setpoint analytics",
            version = "v1",
            description =
                "Climate history and recommendations from InfluxDB, for the operators' dashboard"))
@SecurityScheme(
    securitySchemeName = AnalyticsApplication.OPERATOR_JWT,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "Operator JWT from POST /api/auth/token (ingest)")
public class AnalyticsApplication extends Application {
  static final String OPERATOR_JWT = "operatorJwt";
}
