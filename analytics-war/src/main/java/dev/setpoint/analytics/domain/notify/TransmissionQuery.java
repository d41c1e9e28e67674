package dev.setpoint.analytics.domain.notify;

/**
 * Which transmissions to list, newest first, a page at a time.
 *
 * @param status only those with this status, or null for any
 * @param subscription only those of this subscription, or null for any
 * @param page the page, from 0
 * @param size transmissions per page, at least 1
 */
public record TransmissionQuery(
    TransmissionStatus status, String subscription, int page, int size) {
  public TransmissionQuery {
    if (page < 0 || size < 1) {
      throw new IllegalArgumentException("page must be at least 0 and size at least 1");
    }
  }

  public boolean matches(Transmission t) {
    return (status == null || t.status() == status)
        && (subscription == null || t.subscription().equals(subscription));
  }
}
