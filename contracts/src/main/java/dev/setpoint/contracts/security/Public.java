package dev.setpoint.contracts.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Access rule: anyone may call the endpoint, without credentials (ping, version, the login, the
 * dashboard's configuration, the model's metadata and readiness). A credential, if sent, is
 * ignored.
 */
@Documented
@Inherited
@EndpointAccess
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Public {}
