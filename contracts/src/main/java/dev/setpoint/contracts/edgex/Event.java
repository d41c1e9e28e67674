package dev.setpoint.contracts.edgex;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * An EdgeX event: readings taken together from one source of one device.
 *
 * @param apiVersion always {@code v3}
 * @param id the event id (a UUID), unique across all events
 * @param deviceName device that produced the readings
 * @param profileName device profile the readings follow
 * @param sourceName device resource or command that produced them
 * @param origin when the event was taken, nanoseconds since the epoch; a BigInteger so that a value
 *     beyond int64 or a fraction is refused rather than silently wrapped or truncated
 * @param readings at least one reading
 * @param tags optional free-form labels
 */
public record Event(
    String apiVersion,
    String id,
    String deviceName,
    String profileName,
    String sourceName,
    BigInteger origin,
    List<Reading> readings,
    Map<String, String> tags) {}
