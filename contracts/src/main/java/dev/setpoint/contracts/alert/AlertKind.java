package dev.setpoint.contracts.alert;

import java.util.Optional;

/**
 * What an alert is about, and what it is raised for (its scope): a room, a device, an edge hub, or
 * the analytics service itself.
 */
public enum AlertKind {
  /** The room's hottest inlet above the warning (ASHRAE recommended) or critical (A1) limit. */
  INLET_HIGH("inlet_high", Scope.ROOM),
  /** The room's inlet changing faster than the rate limit (°C per hour). */
  INLET_RATE("inlet_rate", Scope.ROOM),
  /** The room's relative humidity outside the envelope. */
  HUMIDITY("humidity", Scope.ROOM),
  /** The room's dew point outside the envelope. */
  DEW_POINT("dew_point", Scope.ROOM),
  /** A device silent for more than its allowed number of reporting intervals. */
  DEVICE_OFFLINE("device_offline", Scope.DEVICE),
  /** The room's controller holding or in fallback for lack of data. */
  CONTROLLER_FALLBACK("controller_fallback", Scope.ROOM),
  /** A meter that stopped, reset or reports nonsense. */
  METER_ANOMALY("meter_anomaly", Scope.DEVICE),
  /** An edge hub's oldest unsent event older than the threshold. */
  EDGE_BACKLOG("edge_backlog", Scope.HUB),
  /** An edge hub not heard from. */
  EDGE_SILENT("edge_silent", Scope.HUB),
  /**
   * An edge hub's buffer volume above its high-water mark: the hub refuses events (507) and its
   * devices keep them in their journals until space returns. Raised by the hub itself.
   */
  EDGE_BUFFER_FULL("edge_buffer_full", Scope.HUB),
  /** Analytics' consumer lagging behind the telemetry topic. */
  CONSUMER_LAG("consumer_lag", Scope.SERVICE),
  /** The served model failed to load. */
  MODEL_FAILED("model_failed", Scope.SERVICE);

  /** What an alert of a kind is raised for. */
  public enum Scope {
    ROOM,
    DEVICE,
    HUB,
    SERVICE
  }

  private final String code;
  private final Scope scope;

  AlertKind(String code, Scope scope) {
    this.code = code;
    this.scope = scope;
  }

  public String code() {
    return code;
  }

  public Scope scope() {
    return scope;
  }

  public static Optional<AlertKind> fromCode(String code) {
    for (AlertKind k : values()) {
      if (k.code.equals(code)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
