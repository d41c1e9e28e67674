package dev.setpoint.ingest.application;

import dev.setpoint.contracts.edgex.CommandRules;
import dev.setpoint.contracts.edgex.DeviceLabels;
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

  /**
   * Checks labels: none blank; a {@code room:<name>} label ({@link DeviceLabels#ROOM_PREFIX}) names
   * its room like an EdgeX name (one URL path segment, as the rooms API addresses it), and there is
   * at most one: the recommender decides per room, so a device in two rooms is a mistake.
   */
  static List<String> labels(List<String> labels, String field) {
    if (labels == null) {
      return List.of();
    }
    limit(labels.size(), field);
    String room = null;
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      if (label == null || label.isBlank()) {
        throw new InvalidMetadataException(field + "[" + i + "] is blank");
      }
      if (label.startsWith(DeviceLabels.ROOM_PREFIX)) {
        String name =
            Names.name(
                label.substring(DeviceLabels.ROOM_PREFIX.length()),
                field + "[" + i + "]'s room name");
        if (room != null && !room.equals(name)) {
          throw new InvalidMetadataException(
              field + " names two rooms, '" + room + "' and '" + name + "': a device is in one");
        }
        room = name;
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
