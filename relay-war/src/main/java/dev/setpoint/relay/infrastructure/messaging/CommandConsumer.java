package dev.setpoint.relay.infrastructure.messaging;

import dev.setpoint.contracts.telemetry.CommandCodec;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.contracts.telemetry.TelemetryFormatException;
import dev.setpoint.relay.application.CommandIntake;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@link dev.setpoint.contracts.telemetry.Topics#COMMANDS} (read by {@link
 * CommandKafkaLoop}): decodes each payload and hands the command to {@link CommandIntake}. A
 * command is acknowledged, and its offset so committable, only after the intake stored it or
 * refused it for good. A payload that cannot be decoded is counted and sent to {@link
 * dev.setpoint.contracts.telemetry.Topics#COMMANDS_DLQ} with the reason, and acknowledged once the
 * broker has it: it never blocks the commands behind it and is never silently dropped.
 */
@ApplicationScoped
public class CommandConsumer {
  private final CommandCodec codec = new CommandCodec();
  private final CommandIntake intake;
  private final DeadLetterPublisher deadLetters;
  private volatile boolean running = true;

  @Inject
  public CommandConsumer(CommandIntake intake, DeadLetterPublisher deadLetters) {
    this.intake = intake;
    this.deadLetters = deadLetters;
  }

  /** For CDI's proxy only. */
  protected CommandConsumer() {
    this.intake = null;
    this.deadLetters = null;
  }

  public CompletionStage<Void> consume(Message<String> message) {
    CommandMessage command;
    try {
      command = codec.decode(message.getPayload());
    } catch (TelemetryFormatException e) {
      intake.undecodable(e.getMessage());
      // Can never be stored: to the dead-letter topic, then consumed, so it cannot block the ones
      // behind it.
      return deadLetters.deadLetter(message, "not a command: " + e.getMessage());
    }
    try {
      intake.accept(command, () -> running);
      return message.ack();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // Not acknowledged: the offset stays uncommitted and the command is delivered again.
      return CompletableFuture.failedFuture(e);
    }
  }

  @PreDestroy
  void stop() {
    running = false;
    codec.close();
  }
}
