package dev.setpoint.relay.config;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The forwarding loop: how often it looks for events after its cursor in the edge buffer's batch
 * log; a round reads a window at a time, sends it, and moves the cursor past it in one write once
 * the broker has it all, up to a limit per round.
 */
@Dependent
public class ForwardingConfig {

  /** The pause between rounds that found less than a full batch. */
  @Inject
  @ConfigProperty(name = "setpoint.relay.forwarding.poll-interval", defaultValue = "PT0.25S")
  public Duration pollInterval;

  /** Events per window (whole ingest batches, so a window may hold a few more). */
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

  /**
   * How long a reserved sequence number may stay without its batch before the drain passes over it
   * as a gap (a write that failed). Must exceed ingest's {@code setpoint.ingest.write.timeout} plus
   * the store's time to commit one batch: ingest writes a batch again under a new number when its
   * insert took longer than that timeout, so nothing lands behind the cursor.
   */
  @Inject
  @ConfigProperty(name = "setpoint.relay.forwarding.gap-grace", defaultValue = "PT60S")
  public Duration gapGrace;
}
