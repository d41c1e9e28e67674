package dev.setpoint.ingest.interfaces.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Access rule: an operator, or the device named by the path parameter {@link #pathParam()} with its
 * own device token. A device token for any other device is refused with 403, no or a bad credential
 * with 401. Every resource method needs exactly one access rule, on the method or on its class; see
 * {@link AccessFilter}.
 *
 * <pre>{@code
 * @POST
 * @Path("/{serviceName}/{profileName}/{deviceName}/{sourceName}")
 * @DeviceOrOperator(pathParam = "deviceName")
 * public Response add(...)
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface DeviceOrOperator {

  /** The path parameter that holds the device name; it must appear in the endpoint's path. */
  String pathParam();
}
