package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.security.EndpointAccess;
import dev.setpoint.contracts.security.Role;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Access rule: the device named by the path parameter {@link #pathParam()} with its own device
 * token, or a person of at least {@link #role()}. A device token of any other device is refused
 * with 403, as is a person of a lesser role; no or a bad credential with 401. Every resource method
 * needs exactly one access rule, on the method or on its class; see {@link AccessFilter}.
 *
 * <pre>{@code
 * @POST
 * @Path("/{serviceName}/{profileName}/{deviceName}/{sourceName}")
 * @DeviceOrRole(pathParam = "deviceName", role = Role.OPERATOR)
 * public Response add(...)
 * }</pre>
 */
@Documented
@Inherited
@EndpointAccess
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DeviceOrRole {

  /** The path parameter that holds the device name; it must appear in the endpoint's path. */
  String pathParam();

  /** The least role a person needs. */
  Role role();
}
