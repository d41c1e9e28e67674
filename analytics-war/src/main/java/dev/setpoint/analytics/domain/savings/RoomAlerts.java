package dev.setpoint.analytics.domain.savings;

import dev.setpoint.analytics.domain.alert.Alert;
import java.time.Instant;
import java.util.List;

/** The alerts raised for a room within a period, for its monthly report. */
@FunctionalInterface
public interface RoomAlerts {
  /**
   * The room's alerts raised within {@code [from, to)}, newest first (at most a report's worth).
   */
  List<Alert> raised(String room, Instant from, Instant to);

  /** None (a service without alerts). */
  RoomAlerts NONE = (room, from, to) -> List.of();
}
