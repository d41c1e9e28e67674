package dev.setpoint.device.buffer;

/**
 * An event waiting to be delivered, as it will be posted: the same body, hence the same event id,
 * on every attempt.
 *
 * @param seq its place in the journal, increasing
 * @param device the device whose token posts it
 * @param path the request path, e.g. {@code
 *     /api/v3/event/setpoint-device-agent/room-controller/r1/climate}
 * @param body the AddEventRequest as JSON, on one line
 */
public record PendingEvent(long seq, String device, String path, String body) {
  public PendingEvent {
    for (String field : new String[] {device, path}) {
      if (field == null || field.isEmpty() || field.chars().anyMatch(c -> c <= ' ')) {
        throw new IllegalArgumentException("device and path must be non-empty without blanks");
      }
    }
    if (body == null || body.indexOf('\n') >= 0 || body.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("the body must be one line of JSON");
    }
  }
}
