package dev.setpoint.contracts.edgex;

import java.math.BigInteger;
import java.util.Map;

/**
 * One simple EdgeX reading. EdgeX carries every value as a string and names its type separately.
 *
 * @param id optional reading id
 * @param origin when the value was read, nanoseconds since the epoch (see {@link Event#origin()})
 * @param deviceName same as the event's
 * @param resourceName device resource read, e.g. {@code temperature}
 * @param profileName same as the event's
 * @param valueType EdgeX value type, e.g. {@code Float64}; matched case-insensitively
 * @param value the value as text, e.g. {@code "2.130000e+01"}
 * @param units optional units, e.g. {@code degrees Celsius}
 * @param tags optional free-form labels
 */
public record Reading(
    String id,
    BigInteger origin,
    String deviceName,
    String resourceName,
    String profileName,
    String valueType,
    String value,
    String units,
    Map<String, String> tags) {}
