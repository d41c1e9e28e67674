package dev.setpoint.relay.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.audit.AuditCodec;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.command.CommandTarget;
import dev.setpoint.contracts.command.CommandUpsert;
import dev.setpoint.contracts.command.StoredCommand;
import dev.setpoint.contracts.telemetry.CommandCodec;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.contracts.telemetry.DeadLetters;
import dev.setpoint.contracts.telemetry.RecordingEmitter;
import dev.setpoint.contracts.telemetry.Topics;
import dev.setpoint.relay.domain.CommandStore;
import dev.setpoint.relay.domain.CommandTargets;
import dev.setpoint.relay.domain.Outbox;
import dev.setpoint.relay.infrastructure.messaging.CommandConsumer;
import dev.setpoint.relay.infrastructure.messaging.DeadLetterPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandIntakeTest {
  private static final CommandCodec CODEC = new CommandCodec();

  /** The view ingest publishes: the read-only {@code mode} is not among the writable resources. */
  private static final CommandTarget.Resource SETPOINT =
      new CommandTarget.Resource("setpoint", "Float64", 18.0, 27.0);

  private static final CommandTargets TARGETS =
      name ->
          switch (name) {
            case "ac-1" -> Optional.of(new CommandTarget("ac-1", false, List.of(SETPOINT), 1L));
            case "ac-locked" ->
                Optional.of(new CommandTarget("ac-locked", true, List.of(SETPOINT), 1L));
            default -> Optional.empty();
          };

  /** Records what it is asked to store; fails the first {@code failures} times. */
  private static final class Store implements CommandStore {
    final List<StoredCommand> stored = new ArrayList<>();
    final Map<String, StoredCommand> latest = new HashMap<>();
    final AtomicInteger failures;

    Store(int failures) {
      this.failures = new AtomicInteger(failures);
    }

    @Override
    public CommandUpsert.Outcome store(StoredCommand command) {
      if (failures.getAndDecrement() > 0) {
        throw new IllegalStateException("MongoDB unreachable");
      }
      stored.add(command);
      latest.put(command.id(), command);
      return CommandUpsert.Outcome.STORED;
    }

    @Override
    public Optional<StoredCommand> latest(String deviceName, String resourceName) {
      return Optional.ofNullable(latest.get(StoredCommand.idOf(deviceName, resourceName)));
    }
  }

  /** The edge outbox in memory; fails the first {@code failures} appends. */
  private static final class MemoryOutbox implements Outbox {
    final Map<String, OutboxMessage> messages = new LinkedHashMap<>();
    final AtomicInteger failures = new AtomicInteger();

    @Override
    public void append(OutboxMessage message) {
      if (failures.getAndDecrement() > 0) {
        throw new IllegalStateException("MongoDB unreachable");
      }
      messages.putIfAbsent(message.id(), message);
    }

    List<AuditRecord> records() {
      return messages.values().stream().map(m -> AUDIT.decode(m.payload())).toList();
    }
  }

  private static final AuditCodec AUDIT = new AuditCodec();

  private final MemoryOutbox outbox = new MemoryOutbox();

  private CommandIntake intake(Store store) {
    return new CommandIntake(
        TARGETS,
        store,
        outbox,
        "gwangju",
        Clock.systemUTC(),
        Duration.ofMillis(1),
        Duration.ofMillis(4));
  }

  private static CommandMessage command(String device, String resource, String value) {
    return command("c-1", device, resource, value);
  }

  private static CommandMessage command(String id, String device, String resource, String value) {
    return (new CommandMessage(
        1, id, device, resource, value, CommandSource.RECOMMENDER, 1_000L, "highest safe", "m1"));
  }

  @Test
  void aCommandThatFitsItsProfileIsStoredWithTheResourcesValueType() throws Exception {
    Store store = new Store(0);
    CommandIntake intake = intake(store);

    assertEquals(
        Optional.of(CommandUpsert.Outcome.STORED),
        intake.accept(command("ac-1", "setpoint", "24.5"), () -> true));

    assertEquals(1, store.stored.size());
    StoredCommand stored = store.stored.get(0);
    assertEquals("24.5", stored.value());
    assertEquals("Float64", stored.valueType());
    assertEquals(StoredCommand.idOf("ac-1", "setpoint"), stored.id());
    assertEquals("c-1", stored.commandId());
    assertEquals(1_000L, stored.setAt(), "ordered by the time the cloud issued it");
    assertEquals(CommandSource.RECOMMENDER, stored.source());
    assertEquals(1, intake.storedCount());
  }

  @ParameterizedTest
  @CsvSource({
    "ac-locked, setpoint, 24, is locked",
    "ac-1, fan, 24, has no writable resource 'fan'",
    "ac-1, mode, cool, has no writable resource 'mode'",
    "ac-1, setpoint, warm, is not a valid Float64",
    "ac-1, setpoint, 17.9, lies outside [18.0, 27.0]",
    "ac-1, setpoint, 27.01, lies outside [18.0, 27.0]",
    "ac-1, setpoint, NaN, is not a valid Float64"
  })
  void aCommandItsDeviceCannotTakeIsRefusedAndNothingStored(
      String device, String resource, String value, String why) throws Exception {
    Store store = new Store(0);
    CommandIntake intake = intake(store);

    assertEquals(Optional.empty(), intake.accept(command(device, resource, value), () -> true));
    InvalidCheck.assertMessage(intake, command(device, resource, value), why);

    assertTrue(store.stored.isEmpty());
    assertEquals(1, intake.refusedCount());
  }

  @Test
  void aCommandForAnotherHubsDeviceIsSkippedNotRefused() throws Exception {
    Store store = new Store(0);
    CommandIntake intake = intake(store);

    assertEquals(Optional.empty(), intake.accept(command("nobody", "setpoint", "24"), () -> true));

    assertTrue(store.stored.isEmpty());
    assertEquals(1, intake.skippedCount());
    assertEquals(0, intake.refusedCount());
  }

  @Test
  void aMalformedPayloadIsRefusedByTheAdapterAndDoesNotBlockTheNext() {
    Store store = new Store(0);
    CommandIntake intake = intake(store);
    RecordingEmitter deadLetters = new RecordingEmitter(0);
    CommandConsumer consumer =
        new CommandConsumer(intake, new DeadLetterPublisher(deadLetters, Topics.COMMANDS_DLQ));

    consumer.consume(Message.of("{\"schemaVersion\":1}")).toCompletableFuture().join();
    consumer
        .consume(Message.of(CODEC.encode(command("ac-1", "setpoint", "26"))))
        .toCompletableFuture()
        .join();

    assertEquals(1, store.stored.size());
    assertEquals("26", store.stored.get(0).value());
    assertEquals(1, intake.refusedCount());
    assertEquals(1, intake.storedCount());
    assertEquals(1, deadLetters.sent.size(), "the malformed one went to the dead-letter topic");
    ProducerRecord<String, String> dead = deadLetters.sent.get(0);
    assertEquals("{\"schemaVersion\":1}", dead.value());
    String reason =
        new String(dead.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8);
    assertTrue(reason.startsWith("not a command: "), reason);
  }

  @Test
  void whileTheStoreIsDownTheCommandIsHeldAndRetriedUntilStored() throws Exception {
    Store store = new Store(3);
    CommandIntake intake = intake(store);

    assertEquals(
        Optional.of(CommandUpsert.Outcome.STORED),
        intake.accept(command("ac-1", "setpoint", "25"), () -> true));
    assertEquals(1, store.stored.size());
    assertEquals(-1, store.failures.get(), "three failed attempts, then the fourth stored it");
  }

  @Test
  void stoppingWhileTheStoreIsDownLeavesTheCommandForRedelivery() {
    Store store = new Store(Integer.MAX_VALUE);
    CommandIntake intake = intake(store);

    assertThrows(
        InterruptedException.class,
        () -> intake.accept(command("ac-1", "setpoint", "25"), () -> false));
    assertTrue(store.stored.isEmpty());
  }

  @Test
  void aCommandThatChangesTheValueIsAuditedAsTheRecommendersAndARepeatedValueIsNot()
      throws Exception {
    Store store = new Store(0);
    CommandIntake intake = intake(store);

    intake.accept(command("c-1", "ac-1", "setpoint", "24.5"), () -> true);
    intake.accept(command("c-2", "ac-1", "setpoint", "24.5"), () -> true);
    intake.accept(command("c-3", "ac-1", "setpoint", "23"), () -> true);

    assertEquals(3, store.stored.size());
    List<AuditRecord> records = outbox.records();
    assertEquals(2, records.size(), "the same value again changes nothing");
    AuditRecord first = records.get(0);
    assertEquals("recommender", first.actor());
    assertNull(first.role());
    assertNull(first.address());
    assertEquals("relay@gwangju", first.origin());
    assertEquals("gwangju", first.site());
    assertEquals("command", first.kind());
    assertEquals("create", first.action());
    assertEquals("ac-1/setpoint", first.target());
    assertEquals("ac-1", first.device());
    assertNull(first.before());
    assertTrue(first.after().contains("\"value\":\"24.5\""), first.after());
    AuditRecord second = records.get(1);
    assertEquals("update", second.action());
    assertTrue(second.before().contains("\"commandId\":\"c-2\""), second.before());
    assertTrue(second.after().contains("\"value\":\"23\""), second.after());
    assertEquals(records.get(1).id(), outbox.messages.keySet().stream().toList().get(1));
  }

  @Test
  void whileTheOutboxIsDownTheRecordIsRetriedAndTheCommandStoredOnce() throws Exception {
    Store store = new Store(0);
    outbox.failures.set(2);

    assertEquals(
        Optional.of(CommandUpsert.Outcome.STORED),
        intake(store).accept(command("ac-1", "setpoint", "25"), () -> true));

    assertEquals(1, store.stored.size(), "the command is not stored again");
    assertEquals(1, outbox.records().size());
  }

  @Test
  void aRefusedCommandIsNotAudited() throws Exception {
    intake(new Store(0)).accept(command("ac-1", "setpoint", "99"), () -> true);
    assertTrue(outbox.messages.isEmpty());
  }

  /** The refusal's message, read from the check the intake makes. */
  private static final class InvalidCheck {
    static void assertMessage(CommandIntake intake, CommandMessage command, String why) {
      RuntimeException e =
          assertThrows(
              RuntimeException.class,
              () -> CommandIntake.check(command, TARGETS.target(command.device()).orElseThrow()));
      assertTrue(e.getMessage().contains(why), e.getMessage());
    }
  }
}
