package dev.setpoint.ingest.interfaces.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Access rule: only operators (a valid MicroProfile JWT of the group {@code operator}) may call
 * this endpoint; a device token is refused with 403, no or a bad credential with 401. Every
 * resource method needs exactly one access rule, on the method or on its class; see {@link
 * AccessFilter}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OperatorOnly {}
