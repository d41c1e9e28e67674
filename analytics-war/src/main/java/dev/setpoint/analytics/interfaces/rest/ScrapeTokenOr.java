package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.contracts.security.EndpointAccess;
import dev.setpoint.contracts.security.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Access rule of what Prometheus scrapes: the configured scrape token ({@code
 * setpoint.analytics.metrics.scrape-token}, a bearer token that is not a JWT, compared in constant
 * time), or a person of at least {@link #value()}. See {@link AccessFilter}.
 */
@Documented
@Inherited
@EndpointAccess
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ScrapeTokenOr {

  /** The least role a person needs. */
  Role value();
}
