package dev.setpoint.relay.application;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditCodec;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.audit.AuditRecorder;
import dev.setpoint.contracts.audit.CommandState;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.command.CommandTarget;
import dev.setpoint.contracts.command.CommandUpsert;
import dev.setpoint.contracts.command.StoredCommand;
import dev.setpoint.contracts.edgex.CommandRules;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.relay.config.AuditConfig;
import dev.setpoint.relay.config.CommandIntakeConfig;
import dev.setpoint.relay.domain.CommandStore;
import dev.setpoint.relay.domain.CommandTargets;
import dev.setpoint.relay.domain.InvalidCommandException;
import dev.setpoint.relay.domain.Outbox;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes in the commands the cloud sends on {@code setpoint.commands}, decoded by the messaging
 * adapter: checks each against its device (known and unlocked, a writable resource, a value of the
 * resource's type within its range: {@link CommandRules}, the rule ingest applies to an operator's
 * command, against the view ingest publishes, {@link CommandTargets}) and stores it as the device's
 * latest command by the one ordering rule of every writer ({@link CommandStore}), which ingest
 * serves through Core Command. A command that can never be stored (undecodable, or refused by the
 * profile) is logged, counted and consumed, so it cannot block the ones behind it; while MongoDB is
 * unreachable the command is held and retried, so nothing is lost. Every hub reads the whole topic,
 * so a command for a device not registered here is another hub's: skipped quietly and counted.
 *
 * <p>A stored command that changes the device resource's value is audited: its record (actor {@code
 * recommender}, the value before and after) goes into the edge's {@link Outbox}, which is forwarded
 * to the cloud's audit like telemetry. The record is written after the command is stored and
 * retried like the store (never storing the command twice), and the message acknowledged only once
 * both are done.
 */
@ApplicationScoped
public class CommandIntake {
  private static final Logger LOG = Logger.getLogger(CommandIntake.class.getName());

  private final CommandTargets targets;
  private final CommandStore store;
  private final Outbox outbox;
  private final String site;
  private final AuditRecorder audit;
  private final Duration retryInitial;
  private final Duration retryMax;
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong held = new AtomicLong();

  @Inject
  public CommandIntake(
      CommandTargets targets,
      CommandStore store,
      Outbox outbox,
      CommandIntakeConfig config,
      AuditConfig audit) {
    this(
        targets,
        store,
        outbox,
        audit.site.orElse(null),
        Clock.systemUTC(),
        config.retryInitial,
        config.retryMax);
  }

  /**
   * @param site the hub's site, named in the audit records, or null
   */
  public CommandIntake(
      CommandTargets targets,
      CommandStore store,
      Outbox outbox,
      String site,
      Clock clock,
      Duration retryInitial,
      Duration retryMax) {
    this.targets = targets;
    this.store = store;
    this.outbox = outbox;
    this.site = site == null || site.isBlank() ? null : site.strip();
    this.audit = new AuditRecorder(AuditCodec.origin("relay", site), clock);
    this.retryInitial = retryInitial;
    this.retryMax = retryMax;
  }

  /** For CDI's proxy only. */
  protected CommandIntake() {
    this(null, null, null, null, null, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Handles one decoded command, returning once it is stored or refused for good.
   *
   * @param running false once the application stops; then an unstored command is left for
   *     redelivery
   * @return what became of it, or empty when it was refused or is another hub's
   * @throws InterruptedException when stopped while waiting to retry; the command is not consumed
   */
  public Optional<CommandUpsert.Outcome> accept(CommandMessage command, BooleanSupplier running)
      throws InterruptedException {
    StoredCommand toStore;
    try {
      Optional<CommandTarget> target = targets.target(command.device());
      if (target.isEmpty()) {
        // Another hub's device: every hub reads the whole topic and keeps its own devices'
        // commands.
        skipped.incrementAndGet();
        LOG.log(
            Level.FINE,
            "command {0} is for device {1}, not registered here; skipped",
            new Object[] {command.commandId(), command.device()});
        return Optional.empty();
      }
      toStore = check(command, target.get());
    } catch (InvalidCommandException e) {
      refused.incrementAndGet();
      LOG.log(Level.WARNING, "command refused and dropped: {0}", e.getMessage());
      return Optional.empty();
    }
    long wait = retryInitial.toMillis();
    CommandUpsert.Outcome outcome = null;
    OutboxMessage record = null;
    while (true) {
      try {
        if (outcome == null) {
          Optional<StoredCommand> before =
              store.latest(toStore.deviceName(), toStore.resourceName());
          outcome = store.store(toStore);
          if (outcome == CommandUpsert.Outcome.STORED && changes(before, toStore)) {
            record = auditRecord(command, before.orElse(null), toStore);
          }
          logged(command, outcome);
        }
        if (record != null) {
          outbox.append(record);
          record = null;
        }
        return Optional.of(outcome);
      } catch (RuntimeException e) {
        if (!running.getAsBoolean()) {
          if (record != null) {
            LOG.log(
                Level.SEVERE,
                "stopping before the audit record of stored command {0} reached the outbox: {1}",
                new Object[] {command.commandId(), record.payload()});
          }
          throw new InterruptedException("stopping; command " + command.commandId() + " kept");
        }
        LOG.log(
            Level.WARNING,
            "could not {0} command {1}, retrying in {2} ms: {3}",
            new Object[] {
              outcome == null ? "store" : "audit", command.commandId(), wait, e.getMessage()
            });
        Thread.sleep(wait);
        wait = Math.min(wait * 2, retryMax.toMillis());
      }
    }
  }

  /** Counts and logs what became of a command. */
  private void logged(CommandMessage command, CommandUpsert.Outcome outcome) {
    if (outcome == CommandUpsert.Outcome.STORED) {
      stored.incrementAndGet();
    } else if (outcome == CommandUpsert.Outcome.HELD) {
      held.incrementAndGet();
      LOG.log(
          Level.INFO,
          "command {0} for {1}/{2} = {3} not stored: an operator holds the value",
          new Object[] {
            command.commandId(), command.device(), command.resource(), command.value()
          });
    }
    LOG.log(
        Level.FINE,
        "command {0} for {1}/{2} = {3}: {4}",
        new Object[] {
          command.commandId(), command.device(), command.resource(), command.value(), outcome
        });
  }

  /** Whether storing {@code after} changed the resource's value (or gave it its first one). */
  static boolean changes(Optional<StoredCommand> before, StoredCommand after) {
    return before.isEmpty() || !Objects.equals(before.get().value(), after.value());
  }

  /**
   * The audit record of a stored command, as the outbox keeps it: the recommender (or the source
   * the cloud named) changed the value from {@code before} to {@code after}.
   */
  private OutboxMessage auditRecord(
      CommandMessage command, StoredCommand before, StoredCommand after) {
    AuditActor who =
        command.source() == CommandSource.RECOMMENDER
            ? AuditActor.RECOMMENDER
            : new AuditActor(command.source().name().toLowerCase(Locale.ROOT), null, null);
    AuditRecord record = audit.make(who, CommandState.change(before, after).withSite(site));
    return audit.codec().outboxMessage(record);
  }

  /**
   * Counts and logs a payload the adapter could not decode: refused for good, never retried.
   *
   * @param reason what was wrong with it
   */
  public void undecodable(String reason) {
    refused.incrementAndGet();
    LOG.log(Level.WARNING, "command refused and dropped: {0}", reason);
  }

  /**
   * The command as it is stored, once it fits its device.
   *
   * @throws InvalidCommandException naming what does not fit
   */
  static StoredCommand check(CommandMessage command, CommandTarget device) {
    String prefix = "command " + command.commandId() + ": ";
    if (command.commandId() == null || command.resource() == null || command.source() == null) {
      throw new InvalidCommandException(prefix + "needs its command id, resource and source");
    }
    if (device.locked()) {
      throw new InvalidCommandException(prefix + "device '" + device.deviceName() + "' is locked");
    }
    CommandTarget.Resource resource =
        device
            .resource(command.resource())
            .orElseThrow(
                () ->
                    new InvalidCommandException(
                        prefix
                            + "device '"
                            + device.deviceName()
                            + "' has no writable resource '"
                            + command.resource()
                            + "'"));
    CommandRules.refusal(
            resource.name(),
            resource.valueType(),
            true,
            resource.minimum(),
            resource.maximum(),
            command.value())
        .ifPresent(
            refusal -> {
              throw new InvalidCommandException(prefix + refusal);
            });
    return StoredCommand.toStore(
        command.device(),
        resource.name(),
        resource.valueType(),
        command.value(),
        command.source(),
        command.issuedAt(),
        command.commandId());
  }

  /** Commands stored since start. */
  public long storedCount() {
    return stored.get();
  }

  /** Commands skipped since start because their device is not registered at this hub. */
  public long skippedCount() {
    return skipped.get();
  }

  /** Commands not stored since start because an operator holds the device resource's value. */
  public long heldCount() {
    return held.get();
  }

  /** Commands refused since start. */
  public long refusedCount() {
    return refused.get();
  }

  @PreDestroy
  void close() {
    audit.close();
  }
}
