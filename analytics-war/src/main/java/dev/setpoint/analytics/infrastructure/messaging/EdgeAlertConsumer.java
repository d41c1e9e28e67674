package dev.setpoint.analytics.infrastructure.messaging;

import dev.setpoint.analytics.application.alert.EdgeAlertIntake;
import dev.setpoint.contracts.alert.AlertFormatException;
import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.EdgeAlertCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@link dev.setpoint.contracts.telemetry.Topics#ALERTS} (read by {@link KafkaLoops}), the
 * alerts the edge hubs raised themselves: decodes each payload with {@link EdgeAlertCodec} and
 * hands it to the {@link EdgeAlertIntake}. A payload that is not a valid edge alert is logged,
 * counted and acknowledged; any other is acknowledged only once the alert service took it.
 */
@ApplicationScoped
public class EdgeAlertConsumer {
  private static final Logger LOG = Logger.getLogger(EdgeAlertConsumer.class.getName());

  private final EdgeAlertIntake intake;
  private final EdgeAlertCodec codec = new EdgeAlertCodec();
  private final AtomicLong undecodable = new AtomicLong();
  private volatile boolean running = true;

  @Inject
  public EdgeAlertConsumer(EdgeAlertIntake intake) {
    this.intake = intake;
  }

  /** For CDI's proxy only. */
  protected EdgeAlertConsumer() {
    this.intake = null;
  }

  public CompletionStage<Void> consume(Message<String> message) {
    EdgeAlert alert;
    try {
      alert = codec.decode(message.getPayload());
    } catch (AlertFormatException e) {
      undecodable.incrementAndGet();
      LOG.warning("skipping an edge alert that is not one: " + e.getMessage());
      return message.ack();
    }
    try {
      intake.accept(alert, () -> running);
      return message.ack();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // Not acknowledged: the offset stays uncommitted and the alert is delivered again.
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Payloads skipped since start because they are not a valid edge alert. */
  public long undecodableCount() {
    return undecodable.get();
  }

  @PreDestroy
  void stop() {
    running = false;
  }
}
