package dev.setpoint.analytics.application.alert;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.domain.alert.AlertRuleStore;
import dev.setpoint.analytics.domain.alert.AlertRuleStore.Overrides;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.contracts.alert.AlertRules;
import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditKind;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The alert rules in force: the defaults ({@link AlertRules#DEFAULTS}), then the overrides of scope
 * {@code default}, of the room's {@code site:<name>}, of its {@code room:<name>}, each over the one
 * before. Held in memory (read at start and with every refresh) so judging a reading never waits on
 * the store. Each change of a scope's overrides is recorded in the {@link AuditTrail}.
 */
public final class AlertRulesBook {
  public static final String DEFAULT = "default";

  private static final Logger LOG = Logger.getLogger(AlertRulesBook.class.getName());

  private final AlertRuleStore store;
  private final AuditTrail audit;
  private final Clock clock;
  private final Map<String, Overrides> scopes = new ConcurrentHashMap<>();
  private final Map<String, AlertRules> resolved = new ConcurrentHashMap<>();
  private volatile boolean reachable = true;

  public AlertRulesBook(AlertRuleStore store, AuditTrail audit, Clock clock) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
  }

  /** Reads every scope's overrides; on failure keeps those read before. */
  public void refresh() {
    try {
      Map<String, Overrides> read = new ConcurrentHashMap<>();
      store.all().forEach(o -> read.put(o.scope(), o));
      scopes.putAll(read);
      scopes.keySet().retainAll(read.keySet());
      resolved.clear();
      reachable = true;
    } catch (ControlStoreUnavailableException e) {
      if (reachable) {
        LOG.warning(
            "the alert rules cannot be read (" + e.getMessage() + "); those read before stand");
      }
      reachable = false;
    }
  }

  /** The rules for a room of a site (either may be null). */
  public AlertRules rules(String site, String room) {
    String key = site + '\n' + room;
    return resolved.computeIfAbsent(key, k -> resolve(site, room));
  }

  private AlertRules resolve(String site, String room) {
    AlertRules r = AlertRules.DEFAULTS;
    for (String scope :
        new String[] {
          DEFAULT, site == null ? null : "site:" + site, room == null ? null : "room:" + room
        }) {
      Overrides o = scope == null ? null : scopes.get(scope);
      if (o != null) {
        try {
          r = r.with(o.overrides());
        } catch (IllegalArgumentException e) {
          // stored overrides that do not fit with another scope's: this scope is skipped, and said
          LOG.warning(
              "alert rules of "
                  + scope
                  + " skipped for "
                  + site
                  + "/"
                  + room
                  + ": "
                  + e.getMessage());
        }
      }
    }
    return r;
  }

  /** A scope's overrides, or an empty map. */
  public Map<String, Double> overrides(String scope) {
    Overrides o = scopes.get(scope);
    return o == null ? Map.of() : o.overrides();
  }

  /** Every scope's overrides. */
  public Map<String, Overrides> scopes() {
    return Map.copyOf(scopes);
  }

  /**
   * Sets a scope's overrides (replacing its earlier ones).
   *
   * @throws IllegalArgumentException for a scope that is not {@code default}, {@code site:<name>}
   *     or {@code room:<name>}, or overrides the rules refuse over the defaults and the default
   *     scope's overrides (unknown name, a warning above its critical limit)
   */
  public Overrides set(String scope, Map<String, Double> overrides, AuditActor by) {
    if (!scope.equals(DEFAULT) && !scope.matches("(site|room):[^\\p{Cntrl}]{1,256}")) {
      throw new IllegalArgumentException(
          "scope must be default, site:<name> or room:<name>, not '" + scope + "'");
    }
    // refuses what cannot stand on the defaults and the default scope's overrides (a room's site
    // is not known here: a room override that clashes with its site's is skipped when resolved,
    // and logged)
    AlertRules base = AlertRules.DEFAULTS;
    if (!scope.equals(DEFAULT)) {
      base = base.with(overrides(DEFAULT));
    }
    base.with(overrides);
    Overrides o = new Overrides(scope, Map.copyOf(overrides), by.name(), clock.instant());
    Overrides before = scopes.get(scope);
    store.save(o);
    scopes.put(scope, o);
    resolved.clear();
    boolean had = before != null && !before.overrides().isEmpty();
    if (!had && overrides.isEmpty()) {
      return o; // none before, none now: nothing changed
    }
    String action =
        !had ? AuditAction.CREATE : overrides.isEmpty() ? AuditAction.DELETE : AuditAction.UPDATE;
    audit.record(
        by,
        AuditChange.of(AuditKind.ALERT_RULE, action, scope)
            .withSite(scope.startsWith("site:") ? scope.substring(5) : null)
            .withRoom(scope.startsWith("room:") ? scope.substring(5) : null)
            .withBefore(had ? new TreeMap<>(before.overrides()) : null)
            .withAfter(overrides.isEmpty() ? null : new TreeMap<>(overrides)));
    return o;
  }
}
