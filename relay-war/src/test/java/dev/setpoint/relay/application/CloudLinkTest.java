package dev.setpoint.relay.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class CloudLinkTest {
  final OutboxForwarderTest.MutableClock clock = new OutboxForwarderTest.MutableClock();
  boolean telemetryFailing;
  final CloudLink link = new CloudLink(Duration.ofSeconds(10), () -> telemetryFailing, clock);

  void advance(long seconds) {
    clock.now = clock.now.plusSeconds(seconds);
  }

  @Test
  void anEmptyOutboxWithWorkingTelemetryIsUpHoweverLongNothingWasSent() {
    advance(3600);
    assertFalse(link.down());
  }

  @Test
  void aMessageWaitingLongerThanTheTimeoutWithNoAcknowledgementMeansDown() {
    link.waiting(OptionalLong.of(clock.millis()));
    advance(10);
    assertFalse(link.down(), "at the timeout, not beyond it");
    advance(1);
    assertTrue(link.down(), "a send still waiting for the broker's answer");

    link.acknowledged();
    assertFalse(link.down(), "the broker answered");
    advance(11);
    assertTrue(link.down(), "the oldest still waits, and nothing was acknowledged since");
    link.waiting(OptionalLong.empty());
    assertFalse(link.down());
  }

  @Test
  void anOldMessageFoundAtStartGetsTheTimeoutToGoThrough() {
    link.waiting(OptionalLong.of(clock.millis() - 3_600_000));
    assertFalse(link.down());
    advance(11);
    assertTrue(link.down());
  }

  @Test
  void aFailedPublishOrAFailingTelemetryRoundMeansDownAtOnce() {
    link.failed();
    assertTrue(link.down());
    link.acknowledged();
    assertFalse(link.down());
    telemetryFailing = true;
    assertTrue(link.down());
  }
}
