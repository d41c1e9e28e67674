package dev.setpoint.ingest.application;

import dev.setpoint.contracts.edgex.CommandRules;
import java.util.List;

/** What the rules of profiles, device services and devices share: list limits, labels, values. */
public final class MetadataRules {
  private MetadataRules() {}

  /** More than this is a client bug, not a device. */
  public static final int MAX_ENTRIES = 1_000;

  /**
   * Checks a value against a resource's type and range: the rule commands meet too ({@link
   * CommandRules#valueRefusal}).
   */
  static void value(String value, String valueType, Double minimum, Double maximum, String field) {
    CommandRules.valueRefusal(field, valueType, minimum, maximum, value)
        .ifPresent(
            refusal -> {
              throw new InvalidMetadataException(refusal);
            });
  }

  /** A range for messages: {@code [18.0, 27.0]}. */
  public static String range(Double minimum, Double maximum) {
    return CommandRules.range(minimum, maximum);
  }

  static List<String> labels(List<String> labels, String field) {
    if (labels == null) {
      return List.of();
    }
    limit(labels.size(), field);
    for (int i = 0; i < labels.size(); i++) {
      if (labels.get(i) == null || labels.get(i).isBlank()) {
        throw new InvalidMetadataException(field + "[" + i + "] is blank");
      }
    }
    return List.copyOf(labels);
  }

  static void limit(int size, String field) {
    if (size > MAX_ENTRIES) {
      throw new InvalidMetadataException(
          field + " holds " + size + " entries, at most " + MAX_ENTRIES);
    }
  }
}
