package dev.setpoint.analytics.application.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.setpoint.analytics.application.audit.MemoryAuditStore;
import dev.setpoint.contracts.alert.AlertRules;
import dev.setpoint.contracts.alert.EdgeAlert;
import dev.setpoint.contracts.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeAlertIntakeTest {
  final AlertServiceTest.Store store = new AlertServiceTest.Store();
  final List<String> told = new ArrayList<>();
  final AlertService alerts =
      new AlertService(
          store,
          (a, e) -> told.add(e.code() + " " + a.id()),
          (site, room) -> AlertRules.DEFAULTS,
          new MemoryAuditStore().trail(),
          new AlertServiceTest.MutableClock());
  final List<Duration> pauses = new ArrayList<>();
  final Instant start = AlertServiceTest.T0;
  final EdgeAlert raised =
      AlertServiceTest.edge(EdgeAlert.Event.RAISED, Severity.CRITICAL, start, start);

  @Test
  void anAlertIsHeldWhileTheStoreIsDownWithAGrowingPauseThenTakenOnce() throws Exception {
    store.down = true;
    EdgeAlertIntake intake =
        new EdgeAlertIntake(
            alerts,
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            d -> {
              pauses.add(d);
              if (pauses.size() == 3) {
                store.down = false;
              }
            });
    intake.accept(raised, () -> true);
    assertEquals(
        List.of(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(1)), pauses);
    assertEquals(List.of("raised " + raised.id()), told);
    assertEquals(1, intake.takenCount());
  }

  @Test
  void stoppedWhileTheStoreIsDownTheAlertIsNotTakenSoItComesAgain() {
    store.down = true;
    EdgeAlertIntake intake =
        new EdgeAlertIntake(alerts, Duration.ofMillis(1), Duration.ofMillis(1), pauses::add);
    assertThrows(InterruptedException.class, () -> intake.accept(raised, () -> false));
    assertEquals(List.of(), told);
    assertEquals(0, intake.takenCount());
  }
}
