package dev.setpoint.device.edge;

import java.io.IOException;

/** Ingest refused an enrolment: trying again with the same code and devices will not help. */
public class EnrolmentRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  private final int status;

  public EnrolmentRefusedException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** Ingest's status: 401 for the code itself, 403 for what it allows, 400/404/409 for a device. */
  public int status() {
    return status;
  }
}
