package dev.setpoint.analytics.domain.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One attempt of a transmission (EdgeX's transmission record).
 *
 * @param sent when it was made
 * @param status {@link TransmissionStatus#SENT} or {@link TransmissionStatus#FAILED}
 * @param response what the receiver answered ({@code HTTP 500}, {@code no answer within PT10S}), or
 *     why nothing was sent
 */
public record TransmissionRecord(Instant sent, TransmissionStatus status, String response) {
  public TransmissionRecord {
    Objects.requireNonNull(sent, "sent");
    Objects.requireNonNull(status, "status");
  }
}
