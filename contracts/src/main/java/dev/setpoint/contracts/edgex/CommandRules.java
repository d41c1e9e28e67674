package dev.setpoint.contracts.edgex;

import java.util.Optional;

/**
 * Whether a value may be commanded for a device resource: the resource is writable, the value
 * parses as the resource's value type, and a numeric value lies within the resource's minimum and
 * maximum. One rule for every writer of commands: ingest for an operator's Core Command {@code
 * PUT}, the relay for a recommendation from the cloud.
 */
public final class CommandRules {
  private CommandRules() {}

  /**
   * Why the value cannot be commanded, or empty when it can.
   *
   * @param field how the message names the value, e.g. the resource's name
   * @param valueType the resource's EdgeX value type
   * @param writable whether the resource may be written
   * @param minimum the resource's minimum, or {@code null}
   * @param maximum the resource's maximum, or {@code null}
   * @param value the commanded value as text
   */
  public static Optional<String> refusal(
      String field,
      String valueType,
      boolean writable,
      Double minimum,
      Double maximum,
      String value) {
    if (!writable) {
      return Optional.of("resource '" + field + "' is read-only; it cannot be commanded");
    }
    if (value == null) {
      return Optional.of("'" + field + "' has no value");
    }
    return valueRefusal(field, valueType, minimum, maximum, value);
  }

  /**
   * Why the value does not fit the type and range, or empty when it does: the part of {@link
   * #refusal} that events share with commands.
   */
  public static Optional<String> valueRefusal(
      String field, String valueType, Double minimum, Double maximum, String value) {
    if (!ValueTypes.parses(valueType, value)) {
      return Optional.of(field + " '" + value + "' is not a valid " + valueType);
    }
    if (ValueTypes.numeric(valueType) && !ValueTypes.within(value, minimum, maximum)) {
      return Optional.of(field + " '" + value + "' lies outside " + range(minimum, maximum));
    }
    return Optional.empty();
  }

  /** A range as the messages show it: {@code [18.0, 27.0]}, open ends as infinities. */
  public static String range(Double minimum, Double maximum) {
    return "["
        + (minimum == null ? "-∞" : minimum)
        + ", "
        + (maximum == null ? "∞" : maximum)
        + "]";
  }
}
