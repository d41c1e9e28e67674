package dev.setpoint.ingest.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enrolment codes, {@code setpoint.ingest.security.enrolment.*}: how long a code lives unless its
 * operator says otherwise ({@code default-ttl}) and at most ({@code max-ttl}), how many devices one
 * code may enrol ({@code max-devices}), and how many refused codes one address may try within
 * {@code failure-window} before it is turned away (429) until the window ends.
 */
@Dependent
public class EnrolmentConfig {
  @Inject
  @ConfigProperty(name = "setpoint.ingest.security.enrolment.default-ttl", defaultValue = "PT24H")
  public Duration defaultTtl;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.security.enrolment.max-ttl", defaultValue = "PT168H")
  public Duration maxTtl;

  @Inject
  @ConfigProperty(name = "setpoint.ingest.security.enrolment.max-devices", defaultValue = "1000")
  public int maxDevices;

  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.enrolment.failures-per-address",
      defaultValue = "20")
  public int failuresPerAddress;

  @Inject
  @ConfigProperty(
      name = "setpoint.ingest.security.enrolment.failure-window",
      defaultValue = "PT15M")
  public Duration failureWindow;
}
