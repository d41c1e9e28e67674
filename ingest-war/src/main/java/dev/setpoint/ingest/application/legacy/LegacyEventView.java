package dev.setpoint.ingest.application.legacy;

import dev.setpoint.contracts.edgex.Event;
import dev.setpoint.contracts.edgex.Reading;
import java.util.List;

/**
 * An event as EdgeX v1 answered it: origins in milliseconds, readings named by their value
 * descriptor.
 *
 * @param id event id
 * @param device device name
 * @param origin when it was taken, ms since the epoch
 * @param readings its readings
 */
public record LegacyEventView(
    String id, String device, long origin, List<LegacyReadingView> readings) {

  /** The v1 view of a stored event. */
  public static LegacyEventView of(Event event) {
    return new LegacyEventView(
        event.id(),
        event.deviceName(),
        millis(event.origin().longValue()),
        event.readings().stream().map(LegacyReadingView::of).toList());
  }

  static long millis(long nanos) {
    return nanos / 1_000_000L;
  }

  /**
   * A reading as EdgeX v1 answered it.
   *
   * @param id reading id
   * @param device device name
   * @param name value descriptor (resource) name
   * @param value the value as text
   * @param origin when it was read, ms since the epoch
   */
  public record LegacyReadingView(
      String id, String device, String name, String value, long origin) {

    /** The v1 view of a stored reading. */
    public static LegacyReadingView of(Reading reading) {
      return new LegacyReadingView(
          reading.id(),
          reading.deviceName(),
          reading.resourceName(),
          reading.value(),
          millis(reading.origin().longValue()));
    }
  }
}
