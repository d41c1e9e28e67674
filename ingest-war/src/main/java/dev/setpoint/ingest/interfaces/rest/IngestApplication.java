package dev.setpoint.ingest.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** EdgeX paths start at {@code /api}; the WAR's context root is {@code /}. */
@ApplicationPath("/api")
public class IngestApplication extends Application {}
