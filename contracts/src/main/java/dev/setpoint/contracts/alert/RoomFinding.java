package dev.setpoint.contracts.alert;

import java.util.Locale;

/**
 * One room condition as the rules judged it at one moment, with what an alert about it says: the
 * same words and figures wherever it is raised. The words are made only when asked for ({@link
 * #message}): most judgements change nothing, and a reading is judged on every arrival.
 *
 * @param severity null when the condition does not hold (an alert of it clears)
 * @param value the value judged, or null when not known
 * @param threshold the limit it is judged against, or null where the band has two
 * @param room the room judged
 * @param measured the value as measured (not a number when not known), for the words
 */
public record RoomFinding(
    AlertKind kind,
    Severity severity,
    Double value,
    Double threshold,
    String room,
    double measured) {

  /** What the value is, in words. */
  public String message() {
    return switch (kind) {
      case INLET_HIGH ->
          String.format(Locale.ROOT, "room %s: hottest inlet %.1f °C", room, measured);
      case INLET_RATE ->
          String.format(Locale.ROOT, "room %s: inlet changing %.1f °C per hour", room, measured);
      case HUMIDITY ->
          String.format(Locale.ROOT, "room %s: relative humidity %.0f %%", room, measured);
      case DEW_POINT -> String.format(Locale.ROOT, "room %s: dew point %.1f °C", room, measured);
      default -> throw new IllegalStateException(kind + " is no room condition");
    };
  }
}
