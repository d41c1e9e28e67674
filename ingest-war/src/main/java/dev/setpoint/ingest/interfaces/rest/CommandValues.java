package dev.setpoint.ingest.interfaces.rest;

import java.util.Map;

/**
 * The body of a Core Command {@code PUT}, read by {@link CommandValuesReader}: resource name to
 * value, each value as text.
 */
public record CommandValues(Map<String, String> values) {}
