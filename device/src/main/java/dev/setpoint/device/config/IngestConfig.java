package dev.setpoint.device.config;

import java.net.URI;
import java.time.Duration;

/** Where ingest is ({@code ingest.url}) and how long each request to it may take. */
public record IngestConfig(URI url, Duration timeout) {}
