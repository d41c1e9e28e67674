package dev.setpoint.relay.application;

import dev.setpoint.contracts.alert.AlertFormatException;
import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.EdgeAlertCodec;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.contracts.telemetry.Topics;
import dev.setpoint.relay.config.ForwardingConfig;
import dev.setpoint.relay.domain.LocalAlertReceiver;
import dev.setpoint.relay.domain.LocalDeliveries;
import dev.setpoint.relay.domain.OutboxQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One round of telling the LAN of the edge's critical alerts while the cloud cannot be reached
 * (issue 18: a room above 32 °C must not wait for the WAN). While {@link CloudLink} counts the link
 * as down, every alert change waiting in the edge outbox that is critical (raised or escalated to
 * critical), or the clearing of an alert delivered so, is posted to the {@link LocalAlertReceiver},
 * oldest first, each once: a delivery is recorded ({@link LocalDeliveries}) and never repeated,
 * also after a restart. The changes stay in the outbox all the while; when the link returns, the
 * forwarder sends them to the cloud like any other.
 *
 * <p>Apart from forwarding: it reads the outbox, never deletes from it, and runs on its own
 * schedule ({@link LocalAlertLoop}), so a receiver that hangs or fails delays only itself.
 */
@ApplicationScoped
public class LocalAlertDelivery {
  private static final Logger LOG = Logger.getLogger(LocalAlertDelivery.class.getName());

  private final OutboxQueue queue;
  private final LocalAlertReceiver receiver;
  private final LocalDeliveries deliveries;
  private final CloudLink link;
  private final Clock clock;
  private final int batchSize;
  private final EdgeAlertCodec codec = new EdgeAlertCodec();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean lastRoundFailed;

  @Inject
  public LocalAlertDelivery(
      OutboxQueue queue,
      LocalAlertReceiver receiver,
      LocalDeliveries deliveries,
      CloudLink link,
      ForwardingConfig config) {
    this(queue, receiver, deliveries, link, Clock.systemUTC(), config.batchSize);
  }

  public LocalAlertDelivery(
      OutboxQueue queue,
      LocalAlertReceiver receiver,
      LocalDeliveries deliveries,
      CloudLink link,
      Clock clock,
      int batchSize) {
    this.queue = queue;
    this.receiver = receiver;
    this.deliveries = deliveries;
    this.link = link;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** For CDI's proxy only. */
  protected LocalAlertDelivery() {
    this(null, null, null, null, null, 0);
  }

  /**
   * Delivers what is due, oldest first, up to the first failure.
   *
   * @return how many alert changes were delivered
   */
  public int deliverOnce() {
    lastRoundFailed = false;
    if (!receiver.configured() || !link.down()) {
      return 0;
    }
    int count = 0;
    for (OutboxMessage m : queue.oldest(Topics.ALERTS, batchSize)) {
      EdgeAlert alert;
      try {
        alert = codec.decode(m.payload());
      } catch (AlertFormatException e) {
        LOG.log(Level.FINE, "outbox message {0} is no edge alert: {1}", new Object[] {m.id(), e});
        continue; // the cloud gets it as it is, and counts it there
      }
      if (!due(alert) || deliveries.delivered(m.id())) {
        continue;
      }
      LocalAlertReceiver.Delivery d = receiver.deliver(m.id(), alert);
      if (!d.delivered()) {
        failed.incrementAndGet();
        lastRoundFailed = true;
        LOG.log(
            Level.WARNING,
            "the LAN webhook did not take {0} alert {1} of room {2}, trying again later: {3}",
            new Object[] {alert.event().code(), alert.id(), alert.room(), d.detail()});
        return count;
      }
      deliveries.record(m.id(), alert.id(), clock.millis());
      delivered.incrementAndGet();
      count++;
      LOG.log(
          Level.INFO,
          "told the LAN of {0} {1} alert {2} of room {3} (the cloud cannot be reached)",
          new Object[] {
            alert.event().code(), alert.severity().code(), alert.kind().code(), alert.room()
          });
    }
    return count;
  }

  /** A critical alert, or the clearing of one the LAN was told of. */
  private boolean due(EdgeAlert alert) {
    if (alert.event() == EdgeAlert.Event.CLEARED) {
      return deliveries.alertDelivered(alert.id());
    }
    return alert.severity() == Severity.CRITICAL;
  }

  /** Whether the last round ended on a delivery the receiver did not take. */
  public boolean lastRoundFailed() {
    return lastRoundFailed;
  }

  /** Alert changes delivered to the LAN since start. */
  public long deliveredCount() {
    return delivered.get();
  }

  /** Failed attempts since start. */
  public long failedCount() {
    return failed.get();
  }
}
