package dev.setpoint.contracts.alert;

/**
 * One room condition as the rules judged it at one moment, with what an alert about it says: the
 * same words and figures wherever it is raised.
 *
 * @param severity null when the condition does not hold (an alert of it clears)
 * @param value the value judged, or null when not known
 * @param threshold the limit it is judged against, or null where the band has two
 * @param message what the value is, in words
 */
public record RoomFinding(
    AlertKind kind, Severity severity, Double value, Double threshold, String message) {}
