package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The forwarding loop: how often it looks for PENDING events; a round reads them once and sends
 * them batch by batch (each batch marked FORWARDED in one round trip), up to a limit per round.
 */
@Dependent
public class ForwardingConfig {

  /** The pause between rounds that found less than a full batch. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.forwarding.poll-interval", defaultValue = "PT0.25S")
  public Duration pollInterval;

  /** Events per batch, and the buffer cursor's batch. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.forwarding.batch-size", defaultValue = "1000")
  public int batchSize;

  /** A round ends after this many events, so a huge backlog is read in bounded portions. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.forwarding.max-events-per-round", defaultValue = "50000")
  public int maxEventsPerRound;

  /**
   * How long a round waits for the broker's acknowledgements before it gives up and retries later;
   * above the producer's delivery.timeout.ms, so the producer's own verdict normally comes first.
   */
  @Inject
  @ConfigProperty(name = "setpoint.relay.forwarding.ack-timeout", defaultValue = "PT35S")
  public Duration ackTimeout;

  /**
   * After a round the broker did not fully acknowledge (or the buffer did not answer), the next
   * waits twice as long as the last, from the poll interval up to this bound.
   */
  @Inject
  @ConfigProperty(name = "setpoint.relay.forwarding.max-backoff", defaultValue = "PT10S")
  public Duration maxBackoff;
}
