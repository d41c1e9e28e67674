package dev.setpoint.ingest.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordCheckGateTest {
  @Test
  void aCheckBeyondTheBoundIsTurnedAwayWithoutRunning() {
    PasswordCheckGate gate = new PasswordCheckGate(2);
    AtomicInteger ran = new AtomicInteger();

    // two checks in progress (nested, so both hold their place), a third is turned away
    String outcome =
        gate.tryCheck(
            () ->
                gate.tryCheck(
                    () -> {
                      ran.incrementAndGet();
                      Object third =
                          gate.tryCheck(
                              () -> {
                                ran.incrementAndGet();
                                return "ran";
                              });
                      return third == null ? "turned away" : "ran";
                    }));

    assertEquals("turned away", outcome);
    assertEquals(1, ran.get(), "the third check never ran");
    assertEquals(2, gate.available(), "places are given back");
  }

  @Test
  void aFailingCheckGivesItsPlaceBack() {
    PasswordCheckGate gate = new PasswordCheckGate(1);
    assertThrows(
        IllegalStateException.class,
        () ->
            gate.tryCheck(
                () -> {
                  throw new IllegalStateException("store down (test)");
                }));
    assertEquals("ok", gate.tryCheck(() -> "ok"));
    assertNull(gate.tryCheck(() -> gate.tryCheck(() -> "never")));
  }
}
