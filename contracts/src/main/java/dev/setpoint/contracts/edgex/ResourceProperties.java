package dev.setpoint.contracts.edgex;

/**
 * What a device resource's values look like.
 *
 * @param valueType EdgeX simple value type, e.g. {@code Float64}; matched case-insensitively
 * @param readWrite whether the resource is read, written, or both
 * @param units optional units, e.g. {@code °C}
 * @param minimum optional smallest valid value (numeric types only); a JSON number in v3
 * @param maximum optional largest valid value (numeric types only); a JSON number in v3
 * @param defaultValue optional value used when a command does not give one; parses as the type
 */
public record ResourceProperties(
    String valueType,
    ReadWrite readWrite,
    String units,
    Double minimum,
    Double maximum,
    String defaultValue) {}
