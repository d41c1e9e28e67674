package dev.setpoint.analytics.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.analytics.application.TelemetryRecorder.Outcome;
import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.TimeSeriesStore;
import dev.setpoint.analytics.domain.UnstorableTelemetryException;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.contracts.telemetry.TelemetryReading;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryRecorderTest {
  private final List<Duration> pauses = new ArrayList<>();

  /** Refuses the first {@code failures} writes, then stores. */
  private static class FlakyStore implements TimeSeriesStore {
    final List<TelemetryMessage> written = new ArrayList<>();
    int failures;

    FlakyStore(int failures) {
      this.failures = failures;
    }

    @Override
    public void write(TelemetryMessage message) {
      if (failures > 0) {
        failures--;
        throw new IllegalStateException("influx down");
      }
      written.add(message);
    }

    @Override
    public void write(DeviceRecommendation recommendation) {
      throw new UnsupportedOperationException("the recorder stores telemetry only");
    }

    @Override
    public boolean isReachable() {
      return failures == 0;
    }
  }

  private TelemetryRecorder recorder(TimeSeriesStore store) {
    return new TelemetryRecorder(
        store, Duration.ofMillis(100), Duration.ofMillis(300), pauses::add);
  }

  private static TelemetryMessage message() {
    return new TelemetryMessage(
        1,
        "e-1",
        "rack-1",
        "p",
        "s",
        10L,
        List.of(new TelemetryReading("temperature", 22.0, "C")),
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void storesAValidMessageOnce() throws Exception {
    FlakyStore store = new FlakyStore(0);
    TelemetryRecorder recorder = recorder(store);

    assertEquals(Outcome.STORED, recorder.record(message(), () -> true));

    assertEquals(1, store.written.size());
    assertEquals("e-1", store.written.get(0).eventId());
    assertEquals(1, recorder.storedCount());
    assertEquals(List.of(), pauses);
  }

  @Test
  void retriesWithGrowingPausesUntilTheStoreTakesIt() throws Exception {
    FlakyStore store = new FlakyStore(4);
    TelemetryRecorder recorder = recorder(store);

    assertEquals(Outcome.STORED, recorder.record(message(), () -> true));

    assertEquals(1, store.written.size());
    assertEquals(
        List.of(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(300),
            Duration.ofMillis(300)),
        pauses);
  }

  @Test
  void skipsAMessageTheStoreRefusesForGoodInsteadOfRetryingForever() throws Exception {
    TimeSeriesStore refusing =
        new FlakyStore(0) {
          @Override
          public void write(TelemetryMessage message) {
            throw new UnstorableTelemetryException("field type conflict", null);
          }
        };
    TelemetryRecorder recorder = recorder(refusing);

    assertEquals(Outcome.REJECTED, recorder.record(message(), () -> true));
    assertEquals(1, recorder.rejectedCount());
    assertEquals(List.of(), pauses);
  }

  @Test
  void handsAStoredMessageToTheHookAndSurvivesItsFailure() throws Exception {
    FlakyStore store = new FlakyStore(0);
    List<TelemetryMessage> told = new ArrayList<>();
    TelemetryRecorder recorder =
        new TelemetryRecorder(
            store,
            Duration.ofMillis(100),
            Duration.ofMillis(300),
            pauses::add,
            message -> {
              told.add(message);
              throw new IllegalStateException("recommender broke");
            });

    assertEquals(Outcome.STORED, recorder.record(message(), () -> true));
    assertEquals(List.of(), told, "the hook is the caller's step after the write");
    recorder.afterStored(List.copyOf(store.written));
    recorder.afterStored(List.copyOf(store.written));

    assertEquals(List.of(store.written.getFirst(), store.written.getFirst()), told);
    assertEquals(1, recorder.storedCount());
  }

  @Test
  void givesUpWithoutAcknowledgingWhenStopped() {
    FlakyStore store = new FlakyStore(Integer.MAX_VALUE);
    TelemetryRecorder recorder = recorder(store);

    assertThrows(InterruptedException.class, () -> recorder.record(message(), () -> false));
    assertEquals(0, recorder.storedCount());
  }
}
