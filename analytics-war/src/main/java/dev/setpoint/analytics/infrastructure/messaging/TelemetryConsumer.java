package dev.setpoint.analytics.infrastructure.messaging;

import dev.setpoint.analytics.application.Recommender;
import dev.setpoint.analytics.application.TelemetryRecorder;
import dev.setpoint.contracts.telemetry.Channels;
import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@link Channels#TELEMETRY_IN}: decodes each payload with {@link TelemetryCodec} and
 * hands the {@link TelemetryMessage} to the {@link TelemetryRecorder} (which, once stored, feeds
 * the {@link Recommender}). A payload that is not a valid message can never be stored, so it is
 * logged, counted and acknowledged here rather than blocking the partition behind it. Any other
 * message is acknowledged, and its offset so committable, only after the recorder stored it or
 * skipped it.
 */
@ApplicationScoped
public class TelemetryConsumer {
  private static final Logger LOG = Logger.getLogger(TelemetryConsumer.class.getName());

  private final TelemetryRecorder recorder;
  private final TelemetryCodec codec = new TelemetryCodec();
  private final AtomicLong undecodable = new AtomicLong();
  private volatile boolean running = true;
  private volatile boolean subscribed;

  @Inject
  public TelemetryConsumer(TelemetryRecorder recorder) {
    this.recorder = recorder;
  }

  /** For CDI's proxy only. */
  protected TelemetryConsumer() {
    this.recorder = null;
  }

  @Incoming(Channels.TELEMETRY_IN)
  public CompletionStage<Void> consume(Message<String> message) {
    return Deliveries.consume(
        message,
        codec::decode,
        e -> {
          undecodable.incrementAndGet();
          LOG.warning("skipping a telemetry message that can never be stored: " + e.getMessage());
        },
        decoded -> recorder.record(decoded, () -> running));
  }

  /**
   * The application context is initialized only after Reactive Messaging validated and wired every
   * channel, so from here on this consumer is subscribed to {@link Channels#TELEMETRY_IN}.
   */
  void applicationStarted(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    subscribed = true;
  }

  /** Whether the application finished starting with this consumer wired to its channel. */
  public boolean isSubscribed() {
    return subscribed;
  }

  /** Payloads skipped since start because they are not a valid telemetry message. */
  public long undecodableCount() {
    return undecodable.get();
  }

  @PreDestroy
  void stop() {
    running = false;
    codec.close();
  }
}
