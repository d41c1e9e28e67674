package dev.setpoint.analytics.infrastructure.messaging;

import dev.setpoint.analytics.application.Recommender;
import dev.setpoint.analytics.application.TelemetryRecorder;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.contracts.telemetry.Channels;
import dev.setpoint.contracts.telemetry.TelemetryCodec;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@link Channels#TELEMETRY_IN}. The message is acknowledged, and its offset so
 * committable, only after {@link TelemetryRecorder} stored it or found it malformed. A stored
 * message then feeds the {@link Recommender}.
 */
@ApplicationScoped
public class TelemetryConsumer {
  private final TelemetryRecorder recorder;
  private final TelemetryCodec codec = new TelemetryCodec();
  private volatile boolean running = true;
  private volatile boolean subscribed;

  @Inject
  public TelemetryConsumer(
      TimeSeriesStore store,
      Recommender recommender,
      @ConfigProperty(name = "setpoint.recommender.enabled", defaultValue = "true")
          boolean recommending,
      @ConfigProperty(name = "setpoint.recommender.devices", defaultValue = ".*")
          String devicesInScope,
      @ConfigProperty(name = "setpoint.influx.retry-initial-ms", defaultValue = "500")
          long retryInitialMs,
      @ConfigProperty(name = "setpoint.influx.retry-max-ms", defaultValue = "30000")
          long retryMaxMs) {
    this.recorder =
        new TelemetryRecorder(
            store,
            codec,
            Duration.ofMillis(retryInitialMs),
            Duration.ofMillis(retryMaxMs),
            duration -> Thread.sleep(duration.toMillis()),
            recommending ? inScope(recommender, devicesInScope) : message -> {});
  }

  /**
   * The recommender for the devices whose name matches the pattern only ({@code
   * setpoint.recommender.devices}, all by default), so rooms can be put under recommendation one at
   * a time while the others keep their own setpoint.
   */
  private static Consumer<TelemetryMessage> inScope(Recommender recommender, String pattern) {
    Pattern devices = Pattern.compile(pattern);
    return message -> {
      if (devices.matcher(message.device()).matches()) {
        recommender.accept(message);
      }
    };
  }

  /** For CDI's proxy only. */
  protected TelemetryConsumer() {
    this.recorder = null;
  }

  @Incoming(Channels.TELEMETRY_IN)
  public CompletionStage<Void> consume(Message<String> message) {
    try {
      recorder.record(message.getPayload(), () -> running);
      return message.ack();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // Not acknowledged: the offset stays uncommitted and the message is delivered again.
      return CompletableFuture.failedFuture(e);
    }
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

  /** The recorder, for health and metrics. */
  public TelemetryRecorder recorder() {
    return recorder;
  }

  @PreDestroy
  void stop() {
    running = false;
    codec.close();
  }
}
