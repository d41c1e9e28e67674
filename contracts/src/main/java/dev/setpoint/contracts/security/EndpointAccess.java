package dev.setpoint.contracts.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an annotation type as an access rule of a REST endpoint: {@link Public}, {@link Requires},
 * and the rules a WAR adds for callers that are not people (ingest's device tokens and v1 networks,
 * analytics' scrape token). Every resource method of every WAR declares exactly one such rule, on
 * the method or else on its class; each WAR's access filter refuses a method without one (default
 * deny), and the EAR's architecture test checks all three WARs at build time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface EndpointAccess {}
