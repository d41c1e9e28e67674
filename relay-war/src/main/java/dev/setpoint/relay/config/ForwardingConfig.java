package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The forwarding loop: how often it looks for PENDING events; a round reads them once and sends
 * them batch by batch (each batch marked FORWARDED in one round trip), up to a limit per round.
 */
@ConfigProperties(prefix = "setpoint.relay.forwarding")
@Dependent
public class ForwardingConfig {

  /** The pause between rounds that found less than a full batch. */
  @ConfigProperty(name = "poll-interval", defaultValue = "PT0.25S")
  public Duration pollInterval;

  /** Events per batch, and the buffer cursor's batch. */
  @ConfigProperty(name = "batch-size", defaultValue = "1000")
  public int batchSize;

  /** A round ends after this many events, so a huge backlog is read in bounded portions. */
  @ConfigProperty(name = "max-events-per-round", defaultValue = "50000")
  public int maxEventsPerRound;

  /**
   * How long a round waits for the broker's acknowledgements before it gives up and retries later;
   * above the producer's delivery.timeout.ms, so the producer's own verdict normally comes first.
   */
  @ConfigProperty(name = "ack-timeout", defaultValue = "PT35S")
  public Duration ackTimeout;

  /**
   * After a round the broker did not fully acknowledge (or the buffer did not answer), the next
   * waits twice as long as the last, from the poll interval up to this bound.
   */
  @ConfigProperty(name = "max-backoff", defaultValue = "PT10S")
  public Duration maxBackoff;
}
