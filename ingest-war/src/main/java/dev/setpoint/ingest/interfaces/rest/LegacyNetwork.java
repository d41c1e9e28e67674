package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.security.EndpointAccess;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Access rule of the legacy v1 API, whose clients cannot authenticate: answered only when {@code
 * setpoint.ingest.v1.enabled} is true (else 404) and only to clients in {@code
 * setpoint.ingest.v1.allowed-networks} (else 403). See {@link AccessFilter}.
 */
@Documented
@Inherited
@EndpointAccess
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface LegacyNetwork {}
