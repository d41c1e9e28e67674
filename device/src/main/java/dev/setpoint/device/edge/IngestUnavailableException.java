package dev.setpoint.device.edge;

import java.io.IOException;

/**
 * Ingest could not be reached (connection refused, timeout, reset) or answered that it cannot serve
 * now (502, 503, 504): worth trying again later, unlike a refusal.
 */
public class IngestUnavailableException extends IOException {
  public IngestUnavailableException(String message) {
    super(message);
  }

  public IngestUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
