package dev.setpoint.relay.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.buffer.CommandSource;
import dev.setpoint.contracts.edgex.ReadWrite;
import dev.setpoint.contracts.ingest.ProfileDocument;
import dev.setpoint.contracts.telemetry.CommandCodec;
import dev.setpoint.contracts.telemetry.CommandMessage;
import dev.setpoint.relay.domain.CommandStore;
import dev.setpoint.relay.domain.DeviceDirectory;
import dev.setpoint.relay.domain.KnownDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandIntakeTest {
  private static final CommandCodec CODEC = new CommandCodec();

  private static final ProfileDocument.Resource SETPOINT =
      new ProfileDocument.Resource(
          "setpoint", null, false, "Float64", ReadWrite.RW, "°C", 18.0, 27.0, "24");
  private static final ProfileDocument.Resource MODE =
      new ProfileDocument.Resource(
          "mode", null, false, "String", ReadWrite.R, null, null, null, null);

  private static final DeviceDirectory DEVICES =
      name ->
          switch (name) {
            case "ac-1" ->
                Optional.of(
                    new KnownDevice(
                        "ac-1", false, List.of(), Map.of("setpoint", SETPOINT, "mode", MODE)));
            case "ac-locked" ->
                Optional.of(
                    new KnownDevice("ac-locked", true, List.of(), Map.of("setpoint", SETPOINT)));
            default -> Optional.empty();
          };

  /** Records what it is asked to store; fails the first {@code failures} times. */
  private static final class Store implements CommandStore {
    final List<CommandMessage> stored = new ArrayList<>();
    final List<String> valueTypes = new ArrayList<>();
    final AtomicInteger failures;

    Store(int failures) {
      this.failures = new AtomicInteger(failures);
    }

    @Override
    public Outcome store(CommandMessage command, String valueType) {
      if (failures.getAndDecrement() > 0) {
        throw new IllegalStateException("MongoDB unreachable");
      }
      stored.add(command);
      valueTypes.add(valueType);
      return Outcome.STORED;
    }
  }

  private static String command(String device, String resource, String value) {
    return CODEC.encode(
        new CommandMessage(
            1,
            "c-1",
            device,
            resource,
            value,
            CommandSource.RECOMMENDER,
            1_000L,
            "highest safe",
            "m1"));
  }

  @Test
  void aCommandThatFitsItsProfileIsStoredWithTheResourcesValueType() throws Exception {
    Store store = new Store(0);
    CommandIntake intake = new CommandIntake(CODEC, DEVICES, store, 1, 4);

    assertEquals(
        Optional.of(CommandStore.Outcome.STORED),
        intake.accept(command("ac-1", "setpoint", "24.5"), () -> true));

    assertEquals(1, store.stored.size());
    assertEquals("24.5", store.stored.get(0).value());
    assertEquals(List.of("Float64"), store.valueTypes);
    assertEquals(1, intake.storedCount());
  }

  @ParameterizedTest
  @CsvSource({
    "ac-locked, setpoint, 24, is locked",
    "ac-1, fan, 24, has no resource 'fan'",
    "ac-1, mode, cool, is read-only",
    "ac-1, setpoint, warm, is not a valid Float64",
    "ac-1, setpoint, 17.9, lies outside [18.0, 27.0]",
    "ac-1, setpoint, 27.01, lies outside [18.0, 27.0]",
    "ac-1, setpoint, NaN, is not a valid Float64"
  })
  void aCommandItsDeviceCannotTakeIsRefusedAndNothingStored(
      String device, String resource, String value, String why) throws Exception {
    Store store = new Store(0);
    CommandIntake intake = new CommandIntake(CODEC, DEVICES, store, 1, 4);

    assertEquals(Optional.empty(), intake.accept(command(device, resource, value), () -> true));
    InvalidCheck.assertMessage(intake, command(device, resource, value), why);

    assertTrue(store.stored.isEmpty());
    assertEquals(1, intake.refusedCount());
  }

  @Test
  void aCommandForAnotherHubsDeviceIsSkippedNotRefused() throws Exception {
    Store store = new Store(0);
    CommandIntake intake = new CommandIntake(CODEC, DEVICES, store, 1, 4);

    assertEquals(Optional.empty(), intake.accept(command("nobody", "setpoint", "24"), () -> true));

    assertTrue(store.stored.isEmpty());
    assertEquals(1, intake.skippedCount());
    assertEquals(0, intake.refusedCount());
  }

  @Test
  void aMalformedPayloadIsRefusedAndDoesNotBlockTheNext() throws Exception {
    Store store = new Store(0);
    CommandIntake intake = new CommandIntake(CODEC, DEVICES, store, 1, 4);

    assertEquals(Optional.empty(), intake.accept("{\"schemaVersion\":1}", () -> true));
    assertEquals(
        Optional.of(CommandStore.Outcome.STORED),
        intake.accept(command("ac-1", "setpoint", "26"), () -> true));
    assertEquals(1, store.stored.size());
  }

  @Test
  void whileTheStoreIsDownTheCommandIsHeldAndRetriedUntilStored() throws Exception {
    Store store = new Store(3);
    CommandIntake intake = new CommandIntake(CODEC, DEVICES, store, 1, 4);

    assertEquals(
        Optional.of(CommandStore.Outcome.STORED),
        intake.accept(command("ac-1", "setpoint", "25"), () -> true));
    assertEquals(1, store.stored.size());
    assertEquals(-1, store.failures.get(), "three failed attempts, then the fourth stored it");
  }

  @Test
  void stoppingWhileTheStoreIsDownLeavesTheCommandForRedelivery() {
    Store store = new Store(Integer.MAX_VALUE);
    CommandIntake intake = new CommandIntake(CODEC, DEVICES, store, 1, 4);

    assertThrows(
        InterruptedException.class,
        () -> intake.accept(command("ac-1", "setpoint", "25"), () -> false));
    assertTrue(store.stored.isEmpty());
  }

  /** The refusal's message, read from the check the intake makes. */
  private static final class InvalidCheck {
    static void assertMessage(CommandIntake intake, String payload, String why) {
      RuntimeException e =
          assertThrows(RuntimeException.class, () -> intake.check(CODEC.decode(payload)));
      assertTrue(e.getMessage().contains(why), e.getMessage());
    }
  }
}
