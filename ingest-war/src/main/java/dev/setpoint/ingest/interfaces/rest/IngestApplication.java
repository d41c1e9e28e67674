package dev.setpoint.ingest.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * EdgeX paths start at {@code /api}; the WAR's context root is {@code /}. Operators authenticate
 * with MicroProfile JWT; what each endpoint admits is decided by {@link AccessFilter}.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
public class IngestApplication extends Application {}
