package dev.setpoint.ingest.application;

import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.EdgeAlertCodec;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.contracts.telemetry.Topics;
import dev.setpoint.ingest.config.EdgeAlertConfig;
import dev.setpoint.ingest.domain.Outbox;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The edge's own room alerts (issue 18: a room above 32 °C must not wait for the WAN): every stored
 * event of a room is judged with the cloud's rules ({@link EdgeAlertEvaluator}), and each alert
 * raised, escalated or cleared is written to the edge outbox for {@code Topics#ALERTS}, keyed by
 * alert id. The relay forwards it to the cloud when it can, and posts critical ones to the LAN
 * webhook while it cannot.
 *
 * <p>Never in the way of ingestion: judging is a few arithmetic steps under the room's lock, and
 * the outbox is written off the request's thread ({@link OutboxAppender}); nothing it does can fail
 * or delay the post whose event was stored already.
 */
@ApplicationScoped
public class EdgeAlertService {
  private static final Logger LOG = Logger.getLogger(EdgeAlertService.class.getName());
  private static final Duration RETRY_INITIAL = Duration.ofMillis(500);

  // Jakarta Concurrency 3.0 (EE 10) offers its default executor only as a resource.
  @Resource private ManagedScheduledExecutorService scheduler;

  private final Outbox outbox;
  private final EdgeAlertConfig config;
  private final Clock clock;
  private final EdgeAlertCodec codec = new EdgeAlertCodec();
  private EdgeAlertEvaluator evaluator;
  private OutboxAppender appender;
  private long lastCreatedAt;

  @Inject
  public EdgeAlertService(Outbox outbox, EdgeAlertConfig config) {
    this(outbox, config, Clock.systemUTC());
  }

  EdgeAlertService(Outbox outbox, EdgeAlertConfig config, Clock clock) {
    this.outbox = outbox;
    this.config = config;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected EdgeAlertService() {
    this(null, null, null);
  }

  /**
   * Reads the rules: thresholds that make no sense stop the deployment here, naming the one at
   * fault.
   */
  @PostConstruct
  void start() {
    start(scheduler);
  }

  void start(ScheduledExecutorService executor) {
    evaluator =
        new EdgeAlertEvaluator(
            EdgeAlertEvaluator.rules(config.rules.orElse(null)), config.maxRooms);
    appender =
        new OutboxAppender(outbox, executor, config.queueCapacity, RETRY_INITIAL, config.retryMax);
  }

  /** A stored event: its room is judged, and what changed is queued for the outbox. */
  public void stored(BufferedEvent event) {
    if (!config.enabled) {
      return;
    }
    try {
      evaluator.accept(event, this::append);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the room of event " + event.id() + " could not be judged", e);
    }
  }

  /**
   * An alert about the hub itself (its buffer volume, {@link BufferVolumeGuard}), through the same
   * outbox as the rooms' alerts; queued, never waits.
   */
  public void hubAlert(EdgeAlert alert) {
    if (config.enabled) {
      append(alert);
    }
  }

  private void append(EdgeAlert alert) {
    appender.offer(
        new OutboxMessage(alert.eventId(), Topics.ALERTS, alert.id(), codec.encode(alert), next()));
  }

  /**
   * When the edge wrote the message, and the forwarding order: strictly increasing, so two changes
   * of one room within a millisecond keep their order.
   */
  private synchronized long next() {
    lastCreatedAt = Math.max(clock.millis(), lastCreatedAt + 1);
    return lastCreatedAt;
  }

  /** Alert changes written to the outbox since start. */
  public long appendedCount() {
    return appender.appendedCount();
  }

  /** Alert changes dropped since start (the queue was full through a long MongoDB outage). */
  public long droppedCount() {
    return appender.droppedCount();
  }
}
