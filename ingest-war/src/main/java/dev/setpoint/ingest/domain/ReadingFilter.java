package dev.setpoint.ingest.domain;

/** Which stored readings a query selects. */
public sealed interface ReadingFilter {

  /** Every reading of every stored event. */
  record All() implements ReadingFilter {}

  /** The readings of one device. */
  record Device(String deviceName) implements ReadingFilter {}

  /** The readings of one device resource (e.g. {@code temperature}), of any device. */
  record Resource(String resourceName) implements ReadingFilter {}

  /** The readings of one resource, of the events stored under one device profile. */
  record ResourceOfProfile(String resourceName, String profileName) implements ReadingFilter {}
}
