package dev.setpoint.ingest.application;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.EdgeAlertCodec;
import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.contracts.telemetry.Topics;
import dev.setpoint.ingest.ManualClock;
import dev.setpoint.ingest.config.EdgeAlertConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EdgeAlertServiceTest {
  final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  final List<OutboxMessage> outbox = new CopyOnWriteArrayList<>();
  final ManualClock clock = new ManualClock(Instant.parse("2026-12-03T11:00:00Z"));

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  EdgeAlertService service(boolean enabled) {
    EdgeAlertConfig config = new EdgeAlertConfig();
    config.enabled = enabled;
    config.rules = Optional.empty();
    config.maxRooms = 100;
    config.queueCapacity = 100;
    config.retryMax = Duration.ofSeconds(1);
    EdgeAlertService service = new EdgeAlertService(outbox::add, config, clock);
    service.start(executor);
    return service;
  }

  @Test
  void eachChangeIsAnOutboxMessageForTheAlertsTopicKeyedByAlertIdInOrder() {
    EdgeAlertService service = service(true);
    Instant t = EdgeAlertEvaluatorTest.T0;
    service.stored(EdgeAlertEvaluatorTest.event("rs-1", "hall", t, "33", "30"));
    service.stored(EdgeAlertEvaluatorTest.event("rs-1", "hall", t.plusSeconds(60), "25", "30"));
    await().atMost(Duration.ofSeconds(5)).until(() -> outbox.size() == 2);

    EdgeAlertCodec codec = new EdgeAlertCodec();
    EdgeAlert raised = codec.decode(outbox.get(0).payload());
    EdgeAlert cleared = codec.decode(outbox.get(1).payload());
    assertEquals(EdgeAlert.Event.RAISED, raised.event());
    assertEquals(EdgeAlert.Event.CLEARED, cleared.event());
    for (int i = 0; i < 2; i++) {
      OutboxMessage m = outbox.get(i);
      EdgeAlert a = codec.decode(m.payload());
      assertEquals(Topics.ALERTS, m.topic());
      assertEquals(a.id(), m.key());
      assertEquals(a.eventId(), m.id(), "a retried append is stored once");
    }
    assertEquals(clock.millis(), outbox.get(0).createdAt());
    assertTrue(outbox.get(1).createdAt() > outbox.get(0).createdAt(), "strictly in order");
    assertEquals(2, service.appendedCount());
  }

  @Test
  void switchedOffNothingIsJudged() {
    EdgeAlertService service = service(false);
    service.stored(
        EdgeAlertEvaluatorTest.event("rs-1", "hall", EdgeAlertEvaluatorTest.T0, "40", "45"));
    assertEquals(List.of(), outbox);
  }
}
