package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge's own alerts at the relay, {@code setpoint.relay.alerts.*}: when the link to the cloud
 * counts as down, and the LAN webhook that is told of critical room alerts meanwhile.
 */
@Dependent
public class EdgeAlertsConfig {

  /**
   * The link to the cloud counts as down when an outbox message has waited longer than this and the
   * broker acknowledged nothing within it (or when the last publish failed outright).
   */
  @Inject
  @ConfigProperty(name = "setpoint.relay.alerts.link-timeout", defaultValue = "PT10S")
  public Duration linkTimeout;

  /**
   * The LAN webhook (http or https) that receives each critical room alert the edge raises, and its
   * clearing, while the link to the cloud is down. Unset: none, the alerts wait for the cloud.
   */
  @Inject
  @ConfigProperty(name = "setpoint.relay.alerts.webhook-url")
  public Optional<String> webhookUrl;

  /**
   * The key the webhook's requests are signed with (HMAC-SHA256, the cloud's webhook scheme); from
   * a Secret, never in the repository, never logged. Unset: requests go unsigned.
   */
  @Inject
  @ConfigProperty(name = "setpoint.relay.alerts.webhook-secret")
  public Optional<String> webhookSecret;

  /** The most one webhook attempt may take, connection and answer. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.alerts.timeout", defaultValue = "PT5S")
  public Duration timeout;

  /** The pause after a failed webhook attempt; it doubles with each further failure. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.alerts.retry-initial", defaultValue = "PT1S")
  public Duration retryInitial;

  /** The longest pause between webhook attempts. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.alerts.retry-max", defaultValue = "PT1M")
  public Duration retryMax;

  /** How long a delivery to the webhook is remembered (so a restart does not repeat it). */
  @Inject
  @ConfigProperty(name = "setpoint.relay.alerts.delivery-retention", defaultValue = "P7D")
  public Duration deliveryRetention;
}
