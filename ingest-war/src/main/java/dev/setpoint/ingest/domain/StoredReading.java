package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.buffer.BufferedReading;

/**
 * A reading with the names of the event it was stored in, which EdgeX repeats on every reading.
 *
 * @param deviceName the event's device
 * @param profileName the event's device profile
 * @param reading the reading as stored
 */
public record StoredReading(String deviceName, String profileName, BufferedReading reading) {}
