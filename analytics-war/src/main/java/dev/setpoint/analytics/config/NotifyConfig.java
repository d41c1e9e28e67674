package dev.setpoint.analytics.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Alert notifications ({@code setpoint.analytics.notify.*}, README "Notifications"): how failed
 * transmissions are retried, how long a receiver may take, and the SMTP server e-mails go through.
 * No secret has a default: the SMTP password comes from the environment (a Kubernetes Secret).
 */
@Dependent
public class NotifyConfig {
  /** Attempts of one transmission in all, the first included; then it is a dead letter. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.notify.max-attempts", defaultValue = "6")
  public int maxAttempts;

  /** The wait after a transmission's first failure; each further wait doubles. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.notify.retry-initial", defaultValue = "PT30S")
  public Duration retryInitial;

  /** The longest wait between two attempts. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.notify.retry-max", defaultValue = "PT30M")
  public Duration retryMax;

  /**
   * How long one attempt may take: a webhook's connection and answer, an SMTP server's connection,
   * each read and each write.
   */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.notify.timeout", defaultValue = "PT10S")
  public Duration timeout;

  /** The SMTP server's host; unset, e-mail channels are refused. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.notify.smtp.host")
  public Optional<String> smtpHost;

  /** The SMTP server's port (587: submission with STARTTLS). */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.notify.smtp.port", defaultValue = "587")
  public int smtpPort;

  /** The sender's address. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.notify.smtp.from", defaultValue = "setpoint@localhost")
  public String smtpFrom;

  /** The user to log in to the SMTP server as; unset, no login. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.notify.smtp.user")
  public Optional<String> smtpUser;

  /** The SMTP user's password, from a secret; never logged. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.notify.smtp.password")
  public Optional<String> smtpPassword;

  /** Whether the connection must be upgraded with STARTTLS before logging in and sending. */
  @Inject
  @ConfigProperty(name = "setpoint.analytics.notify.smtp.starttls", defaultValue = "true")
  public boolean smtpStartTls;

  /**
   * The server's HTTP port (Liberty's {@code http.port}, {@code HTTP_PORT}): a webhook to this
   * machine on it would call this service itself, and is refused.
   */
  @Inject
  @ConfigProperty(name = "http.port", defaultValue = "9080")
  public int httpPort;

  /** The server's HTTPS port (Liberty's {@code https.port}, {@code HTTPS_PORT}), likewise. */
  @Inject
  @ConfigProperty(name = "https.port", defaultValue = "9443")
  public int httpsPort;
}
