package dev.setpoint.ingest.application;

/**
 * What is left of the metadata rules since they were split by aggregate ({@link ProfileRules},
 * {@link DeviceServiceRules}, {@link DeviceRules}): the value check {@link CommandService} calls.
 * It goes once Core Command checks values with the contracts' command rules.
 */
final class MetadataValidator {
  private MetadataValidator() {}

  /** Checks a value against a resource's type and range; the same rule events and commands meet. */
  static void value(String value, String valueType, Double minimum, Double maximum, String field) {
    MetadataRules.value(value, valueType, minimum, maximum, field);
  }
}
