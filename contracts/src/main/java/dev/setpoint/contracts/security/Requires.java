package dev.setpoint.contracts.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Access rule: a person whose role includes {@link #value()} ({@link Role#includes}), from a
 * verified bearer JWT whose {@code groups} map to that role. No or an invalid token is refused with
 * 401 and {@code WWW-Authenticate: Bearer}; a valid one of a lesser role (or of no role) with 403.
 *
 * <pre>{@code
 * @PUT
 * @Path("{room}/mode")
 * @Requires(Role.OPERATOR)
 * public Response setMode(...)
 * }</pre>
 */
@Documented
@Inherited
@EndpointAccess
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Requires {

  /** The least role that may call the endpoint. */
  Role value();
}
