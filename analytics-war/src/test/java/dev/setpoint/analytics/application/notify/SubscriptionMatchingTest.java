package dev.setpoint.analytics.application.notify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.notify.AdminState;
import dev.setpoint.analytics.domain.notify.EmailChannel;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which alerts a subscription takes: every filter given must hold, an empty one takes any. */
class SubscriptionMatchingTest {
  private static Subscription filtering(
      Set<Severity> severities,
      Set<AlertKind> kinds,
      Set<AlertEvent> events,
      Set<String> sites,
      Set<String> rooms,
      AdminState state) {
    return new Subscription(
        "s",
        null,
        null,
        List.of(new EmailChannel(List.of("ops@example.com"))),
        severities,
        kinds,
        events,
        sites,
        rooms,
        state,
        "secret",
        Alerts.T0,
        Alerts.T0,
        null);
  }

  private static final Alert HOT = Alerts.hot();
  private static final Alert HUMID =
      Alerts.room(AlertKind.HUMIDITY, Severity.WARNING, "singapore", "hall-b");

  @Test
  void aSubscriptionWithoutFiltersTakesEveryAlertAndEvent() {
    Subscription any =
        filtering(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), AdminState.UNLOCKED);
    for (AlertEvent e : AlertEvent.values()) {
      assertTrue(any.matches(HOT, e), e.code());
      assertTrue(any.matches(HUMID, e), e.code());
    }
  }

  @Test
  void eachFilterNarrowsAndAllMustHold() {
    Subscription criticalInGwangju =
        filtering(
            Set.of(Severity.CRITICAL),
            Set.of(),
            Set.of(),
            Set.of("gwangju"),
            Set.of(),
            AdminState.UNLOCKED);
    assertTrue(criticalInGwangju.matches(HOT, AlertEvent.RAISED));
    assertFalse(criticalInGwangju.matches(HUMID, AlertEvent.RAISED), "warning in singapore");
    assertFalse(
        criticalInGwangju.matches(
            Alerts.room(AlertKind.INLET_HIGH, Severity.WARNING, "gwangju", "hall-a"),
            AlertEvent.RAISED),
        "a warning in gwangju");
    assertFalse(
        criticalInGwangju.matches(
            Alerts.room(AlertKind.INLET_HIGH, Severity.CRITICAL, "singapore", "hall-a"),
            AlertEvent.RAISED),
        "critical elsewhere");

    Subscription humidityRaisedAndCleared =
        filtering(
            Set.of(),
            Set.of(AlertKind.HUMIDITY, AlertKind.DEW_POINT),
            Set.of(AlertEvent.RAISED, AlertEvent.CLEARED),
            Set.of(),
            Set.of("hall-b"),
            AdminState.UNLOCKED);
    assertTrue(humidityRaisedAndCleared.matches(HUMID, AlertEvent.RAISED));
    assertTrue(humidityRaisedAndCleared.matches(HUMID, AlertEvent.CLEARED));
    assertFalse(humidityRaisedAndCleared.matches(HUMID, AlertEvent.REMINDER), "no reminders");
    assertFalse(humidityRaisedAndCleared.matches(HOT, AlertEvent.RAISED), "another kind");
  }

  @Test
  void anAlertWithoutASiteOrRoomMatchesOnlySubscriptionsThatDoNotAskForOne() {
    Alert lag = Alerts.room(AlertKind.CONSUMER_LAG, Severity.WARNING, null, null);
    assertFalse(
        filtering(Set.of(), Set.of(), Set.of(), Set.of("gwangju"), Set.of(), AdminState.UNLOCKED)
            .matches(lag, AlertEvent.RAISED));
    assertFalse(
        filtering(Set.of(), Set.of(), Set.of(), Set.of(), Set.of("hall-a"), AdminState.UNLOCKED)
            .matches(lag, AlertEvent.RAISED));
    assertTrue(
        filtering(
                Set.of(Severity.WARNING),
                Set.of(),
                Set.of(),
                Set.of(),
                Set.of(),
                AdminState.UNLOCKED)
            .matches(lag, AlertEvent.RAISED));
  }

  @Test
  void aLockedSubscriptionTakesNothing() {
    assertFalse(
        filtering(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), AdminState.LOCKED)
            .matches(HOT, AlertEvent.RAISED));
  }
}
