package dev.setpoint.analytics.application.notify;

import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.notify.AdminState;
import dev.setpoint.analytics.domain.notify.Channel;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import java.util.List;
import java.util.Set;

/**
 * A subscription as an operator gives it, before it is checked and stored (no secret, no times):
 * see {@link dev.setpoint.analytics.domain.notify.Subscription} for the fields.
 *
 * @param name null on a change that does not repeat it
 */
public record SubscriptionDraft(
    String name,
    String description,
    String receiver,
    List<Channel> channels,
    Set<Severity> severities,
    Set<AlertKind> kinds,
    Set<AlertEvent> events,
    List<String> sites,
    List<String> rooms,
    AdminState adminState) {
  public SubscriptionDraft {
    channels = channels == null ? List.of() : List.copyOf(channels);
    severities = severities == null ? Set.of() : Set.copyOf(severities);
    kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    events = events == null ? Set.of() : Set.copyOf(events);
    sites = sites == null ? List.of() : List.copyOf(sites);
    rooms = rooms == null ? List.of() : List.copyOf(rooms);
    adminState = adminState == null ? AdminState.UNLOCKED : adminState;
  }
}
