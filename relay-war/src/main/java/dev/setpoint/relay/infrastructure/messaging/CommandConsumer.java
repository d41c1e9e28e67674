package dev.setpoint.relay.infrastructure.messaging;

import dev.setpoint.contracts.telemetry.Channels;
import dev.setpoint.contracts.telemetry.CommandCodec;
import dev.setpoint.relay.application.CommandIntake;
import dev.setpoint.relay.domain.CommandStore;
import dev.setpoint.relay.domain.DeviceDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@link Channels#COMMANDS_IN}. A command is acknowledged, and its offset so committable,
 * only after {@link CommandIntake} stored it or refused it for good.
 */
@ApplicationScoped
public class CommandConsumer {
  private final CommandCodec codec = new CommandCodec();
  private final CommandIntake intake;
  private volatile boolean running = true;

  @Inject
  public CommandConsumer(
      DeviceDirectory devices,
      CommandStore store,
      @ConfigProperty(name = "setpoint.relay.command-retry-initial-ms", defaultValue = "500")
          long retryInitialMs,
      @ConfigProperty(name = "setpoint.relay.command-retry-max-ms", defaultValue = "30000")
          long retryMaxMs) {
    this.intake = new CommandIntake(codec, devices, store, retryInitialMs, retryMaxMs);
  }

  /** For CDI's proxy only. */
  protected CommandConsumer() {
    this.intake = null;
  }

  @Incoming(Channels.COMMANDS_IN)
  public CompletionStage<Void> consume(Message<String> message) {
    try {
      intake.accept(message.getPayload(), () -> running);
      return message.ack();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // Not acknowledged: the offset stays uncommitted and the command is delivered again.
      return CompletableFuture.failedFuture(e);
    }
  }

  /** The intake, for metrics. */
  public CommandIntake intake() {
    return intake;
  }

  @PreDestroy
  void stop() {
    running = false;
    codec.close();
  }
}
