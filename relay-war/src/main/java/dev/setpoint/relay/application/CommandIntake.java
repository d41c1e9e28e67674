package dev.setpoint.relay.application;

import dev.setpoint.contracts.edgex.ValueTypes;
import dev.setpoint.contracts.ingest.ProfileDocument;
import dev.setpoint.contracts.telemetry.CommandCodec;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.contracts.telemetry.TelemetryFormatException;
import dev.setpoint.relay.domain.CommandStore;
import dev.setpoint.relay.domain.DeviceDirectory;
import dev.setpoint.relay.domain.InvalidCommandException;
import dev.setpoint.relay.domain.KnownDevice;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes in the commands the cloud sends on {@code setpoint.commands}: checks each against its
 * device's profile (known and unlocked device, writable resource, a value of the resource's type
 * within its range) and stores it as the device's latest command, which ingest serves through Core
 * Command. A command that can never be stored (malformed, or refused by the profile) is logged,
 * counted and consumed, so it cannot block the ones behind it; while MongoDB is unreachable the
 * command is held and retried, so nothing is lost. Every hub reads the whole topic, so a command
 * for a device not registered here is another hub's: skipped quietly and counted.
 */
public final class CommandIntake {
  private static final Logger LOG = Logger.getLogger(CommandIntake.class.getName());

  private final CommandCodec codec;
  private final DeviceDirectory devices;
  private final CommandStore store;
  private final long retryInitialMs;
  private final long retryMaxMs;
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();

  public CommandIntake(
      CommandCodec codec,
      DeviceDirectory devices,
      CommandStore store,
      long retryInitialMs,
      long retryMaxMs) {
    this.codec = codec;
    this.devices = devices;
    this.store = store;
    this.retryInitialMs = retryInitialMs;
    this.retryMaxMs = retryMaxMs;
  }

  /**
   * Handles one payload, returning once it is stored or refused for good.
   *
   * @param running false once the application stops; then an unstored command is left for
   *     redelivery
   * @return what became of it, or empty when the payload was refused
   * @throws InterruptedException when stopped while waiting to retry; the command is not consumed
   */
  public Optional<CommandStore.Outcome> accept(String payload, BooleanSupplier running)
      throws InterruptedException {
    CommandMessage command;
    String valueType;
    try {
      command = codec.decode(payload);
      if (devices.device(command.device()).isEmpty()) {
        // Another hub's device: every hub reads the whole topic and keeps its own devices'
        // commands.
        skipped.incrementAndGet();
        LOG.log(
            Level.FINE,
            "command {0} is for device {1}, not registered here; skipped",
            new Object[] {command.commandId(), command.device()});
        return Optional.empty();
      }
      valueType = check(command);
    } catch (TelemetryFormatException | InvalidCommandException e) {
      refused.incrementAndGet();
      LOG.log(Level.WARNING, "command refused and dropped: {0}", e.getMessage());
      return Optional.empty();
    }
    long wait = retryInitialMs;
    while (true) {
      try {
        CommandStore.Outcome outcome = store.store(command, valueType);
        if (outcome == CommandStore.Outcome.STORED) {
          stored.incrementAndGet();
        }
        LOG.log(
            Level.FINE,
            "command {0} for {1}/{2} = {3}: {4}",
            new Object[] {
              command.commandId(), command.device(), command.resource(), command.value(), outcome
            });
        return Optional.of(outcome);
      } catch (RuntimeException e) {
        if (!running.getAsBoolean()) {
          throw new InterruptedException("stopping; command " + command.commandId() + " kept");
        }
        LOG.log(
            Level.WARNING,
            "could not store command {0}, retrying in {1} ms: {2}",
            new Object[] {command.commandId(), wait, e.getMessage()});
        Thread.sleep(wait);
        wait = Math.min(wait * 2, retryMaxMs);
      }
    }
  }

  /**
   * The resource's value type, once the command fits its device.
   *
   * @throws InvalidCommandException naming what does not fit
   */
  String check(CommandMessage command) {
    KnownDevice device =
        devices
            .device(command.device())
            .orElseThrow(
                () ->
                    new InvalidCommandException(
                        "command "
                            + command.commandId()
                            + ": device '"
                            + command.device()
                            + "' is not registered"));
    if (device.locked()) {
      throw new InvalidCommandException(
          "command " + command.commandId() + ": device '" + device.name() + "' is locked");
    }
    ProfileDocument.Resource resource =
        device
            .resource(command.resource())
            .filter(r -> !r.hidden())
            .orElseThrow(
                () ->
                    new InvalidCommandException(
                        "command "
                            + command.commandId()
                            + ": device '"
                            + device.name()
                            + "' has no resource '"
                            + command.resource()
                            + "'"));
    if (resource.readWrite() == null || !resource.readWrite().writable()) {
      throw new InvalidCommandException(
          "command "
              + command.commandId()
              + ": resource '"
              + resource.name()
              + "' is read-only; it cannot be commanded");
    }
    if (!ValueTypes.parses(resource.valueType(), command.value())) {
      throw new InvalidCommandException(
          "command "
              + command.commandId()
              + ": value '"
              + command.value()
              + "' is not a valid "
              + resource.valueType());
    }
    if (ValueTypes.numeric(resource.valueType())
        && !ValueTypes.within(command.value(), resource.minimum(), resource.maximum())) {
      throw new InvalidCommandException(
          "command "
              + command.commandId()
              + ": value '"
              + command.value()
              + "' of '"
              + resource.name()
              + "' lies outside ["
              + resource.minimum()
              + ", "
              + resource.maximum()
              + "]");
    }
    return ValueTypes.canonical(resource.valueType()).orElse(resource.valueType());
  }

  /** Commands stored since start. */
  public long storedCount() {
    return stored.get();
  }

  /** Commands skipped since start because their device is not registered at this hub. */
  public long skippedCount() {
    return skipped.get();
  }

  /** Commands refused since start. */
  public long refusedCount() {
    return refused.get();
  }
}
