package dev.setpoint.analytics.application;

import dev.setpoint.contracts.telemetry.OutdoorConditions;
import dev.setpoint.contracts.telemetry.TelemetryMessage;

/** Test messages changed in what a test varies: when taken and received, the weather, the room. */
public final class Messages {
  private Messages() {}

  /** The message with these origin (ns), outdoor conditions, receipt time (ms) and room. */
  public static TelemetryMessage changed(
      TelemetryMessage m, long origin, OutdoorConditions outdoor, Long receivedAt, String room) {
    return new TelemetryMessage(
        m.schemaVersion(),
        m.eventId(),
        m.device(),
        m.profile(),
        m.source(),
        origin,
        m.readings(),
        m.site(),
        outdoor,
        m.setpoint(),
        receivedAt,
        room);
  }
}
