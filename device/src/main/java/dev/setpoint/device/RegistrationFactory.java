package dev.setpoint.device;

import dev.setpoint.device.buffer.Backoff;
import dev.setpoint.device.config.BackoffConfig;
import dev.setpoint.device.config.RegistrationConfig;
import dev.setpoint.device.edge.EnrolmentCode;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.Registration;
import dev.setpoint.device.edge.TokenStore;

/**
 * First-start enrolment: the operator's enrolment code as configured (given, or in a file; read
 * only when a device has no token yet), and the backoff while ingest is away.
 */
record RegistrationFactory(
    RegistrationConfig config, BackoffConfig backoff, IngestClient ingest, TokenStore tokens) {
  Registration create() {
    return new Registration(
        ingest,
        tokens,
        new EnrolmentCode(config.code(), config.codeFile()),
        new Backoff(backoff.initial(), backoff.max()));
  }
}
