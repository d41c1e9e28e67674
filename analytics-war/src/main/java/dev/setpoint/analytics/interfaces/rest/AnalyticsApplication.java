package dev.setpoint.analytics.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Analytics' REST API under {@code /analytics/api}: the operators' API under {@code /v1} (history,
 * dashboard configuration, the model and its reload) and the predict APIs of the thermal model,
 * KServe v2 ({@code /v2/models}) and TensorFlow Serving ({@code /v1/models}), whose clients take
 * {@code http://host:9080/analytics/api} as the server's base URL. Not at the WAR's root: a JAX-RS
 * application there would take every path, the dashboard's static files too. People authenticate
 * with a MicroProfile JWT (from ingest's {@code POST /api/auth/token} or the configured OpenID
 * Connect provider) whose groups map to a role; {@link AccessFilter} admits each to the endpoints
 * their role may use, as each method's access rule says.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Setpoint analytics",
            version = "v1",
            description =
                "Climate history and recommendations from InfluxDB for the operators' dashboard;"
                    + " the thermal model's predict APIs"))
@SecurityScheme(
    securitySchemeName = AnalyticsApplication.OPERATOR_JWT,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "JWT from POST /api/auth/token (ingest) or the configured OpenID Connect provider; its"
            + " groups map to viewer, operator or admin")
public class AnalyticsApplication extends Application {
  static final String OPERATOR_JWT = "operatorJwt";
}
