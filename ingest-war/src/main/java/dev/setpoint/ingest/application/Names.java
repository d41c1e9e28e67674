package dev.setpoint.ingest.application;

import java.util.UUID;
import java.util.regex.Pattern;

/** EdgeX's rules for names and ids, shared by every metadata check. */
final class Names {
  /**
   * EdgeX names use RFC 3986 unreserved characters only, so a name is always one URL path segment
   * ({@code /api/v3/device/name/{name}}) without escaping.
   */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._~-]{1,128}");

  private Names() {}

  /** Checks a required name. */
  static String name(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidMetadataException(field + " is required");
    }
    if (!NAME.matcher(value).matches()) {
      throw new InvalidMetadataException(
          field
              + " '"
              + value
              + "' may hold only letters, digits and - _ . ~ (at most 128 characters)");
    }
    return value;
  }

  /** Checks an optional id: a canonical UUID when present. */
  static String optionalUuid(String value, String field) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      UUID parsed = UUID.fromString(value);
      if (parsed.toString().equalsIgnoreCase(value)) {
        return parsed.toString();
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidMetadataException(field + " '" + value + "' is not a UUID");
  }
}
