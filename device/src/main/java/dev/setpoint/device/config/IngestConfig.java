package dev.setpoint.device.config;

import java.net.URI;
import java.time.Duration;

/**
 * Where ingest is ({@code ingest.url}), how long each request to it may take, and how the agent
 * verifies the hub when the URL is {@code https} ({@code ingest.tls.*}).
 */
public record IngestConfig(URI url, Duration timeout, HubTrust trust) {}
