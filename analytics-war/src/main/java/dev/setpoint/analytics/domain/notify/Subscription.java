package dev.setpoint.analytics.domain.notify;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is told about which alerts, and how (EdgeX's subscription): the alerts it takes, by severity,
 * kind, event, site and room, each an empty set for "any"; and the channels each matching event is
 * sent on.
 *
 * @param name its unique name (RFC 3986 unreserved characters), the key in the API
 * @param description what it is for, or null
 * @param receiver who receives it (a team, a system), or null
 * @param channels where its alerts go, at least one
 * @param severities the severities it takes; empty: any
 * @param kinds the alert kinds it takes; empty: any
 * @param events the events it takes (raised, escalated, reminder, acknowledged, cleared); empty:
 *     any
 * @param sites the sites it takes; empty: any, else only alerts of one of them
 * @param rooms the rooms it takes; empty: any, else only alerts of one of them
 * @param adminState {@code LOCKED}: it takes no new alerts
 * @param secret the key its webhooks are signed with; shown once, when it is made
 * @param created when it was made
 * @param modified when it was last changed
 * @param modifiedBy the operator who last changed it, or null
 */
public record Subscription(
    String name,
    String description,
    String receiver,
    List<Channel> channels,
    Set<Severity> severities,
    Set<AlertKind> kinds,
    Set<AlertEvent> events,
    Set<String> sites,
    Set<String> rooms,
    AdminState adminState,
    String secret,
    Instant created,
    Instant modified,
    String modifiedBy) {

  public Subscription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(adminState, "adminState");
    channels = channels == null ? List.of() : List.copyOf(channels);
    severities = enums(Severity.class, severities);
    kinds = enums(AlertKind.class, kinds);
    events = enums(AlertEvent.class, events);
    sites = strings(sites);
    rooms = strings(rooms);
  }

  /** Whether this subscription takes {@code event} of {@code alert}. */
  public boolean matches(Alert alert, AlertEvent event) {
    return adminState == AdminState.UNLOCKED
        && (severities.isEmpty() || severities.contains(alert.severity()))
        && (kinds.isEmpty() || kinds.contains(alert.kind()))
        && (events.isEmpty() || events.contains(event))
        && (sites.isEmpty() || (alert.site() != null && sites.contains(alert.site())))
        && (rooms.isEmpty() || (alert.room() != null && rooms.contains(alert.room())));
  }

  private static <E extends Enum<E>> Set<E> enums(Class<E> type, Collection<E> values) {
    EnumSet<E> set = EnumSet.noneOf(type);
    if (values != null) {
      set.addAll(values);
    }
    return Collections.unmodifiableSet(set);
  }

  private static Set<String> strings(Collection<String> values) {
    return Collections.unmodifiableSortedSet(
        values == null ? new TreeSet<>() : new TreeSet<>(values));
  }
}
