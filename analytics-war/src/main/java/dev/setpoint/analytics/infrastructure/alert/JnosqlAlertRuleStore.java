package dev.setpoint.analytics.infrastructure.alert;

import dev.setpoint.analytics.domain.alert.AlertRuleStore;
import dev.setpoint.analytics.infrastructure.store.AnalyticsDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;
import org.eclipse.jnosql.communication.semistructured.Element;

/**
 * The alert rules' overrides in analytics' own database, collection {@value #COLLECTION},
 * append-only like the room modes: each change one document ({@code scope}, {@code overrides}
 * (threshold name to value), {@code changedBy}, {@code changedAt}); a scope's overrides are its
 * latest, and the collection records who changed which rule when.
 */
@ApplicationScoped
public class JnosqlAlertRuleStore implements AlertRuleStore {
  public static final String COLLECTION = "alert_rules";

  private final AnalyticsDatabase database;

  @Inject
  public JnosqlAlertRuleStore(AnalyticsDatabase database) {
    this.database = database;
  }

  /** For CDI's proxy only. */
  protected JnosqlAlertRuleStore() {
    this.database = null;
  }

  @Override
  public List<Overrides> all() {
    return database.latestOfEach(
        COLLECTION,
        "changedAt",
        JnosqlAlertRuleStore::overrides,
        Overrides::scope,
        "read the alert rules");
  }

  @Override
  public void save(Overrides o) {
    CommunicationEntity e = CommunicationEntity.of(COLLECTION);
    e.add("_id", UUID.randomUUID().toString());
    e.add("scope", o.scope());
    e.add(
        "overrides",
        o.overrides().entrySet().stream().map(x -> Element.of(x.getKey(), x.getValue())).toList());
    e.add("changedBy", o.changedBy());
    e.add("changedAt", o.changedAt().toEpochMilli());
    database.insert(e, "store the alert rules of " + o.scope());
  }

  static Optional<Overrides> overrides(CommunicationEntity e) {
    Optional<String> scope = e.find("scope", String.class);
    Optional<Long> at = e.find("changedAt", Long.class);
    if (scope.isEmpty() || at.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Double> values = new LinkedHashMap<>();
    e.find("overrides")
        .ifPresent(
            element -> {
              Object v = element.get();
              if (v instanceof Iterable<?> items) {
                for (Object item : items) {
                  if (item instanceof Element el && el.get() instanceof Number n) {
                    values.put(el.name(), n.doubleValue());
                  }
                }
              } else if (v instanceof Map<?, ?> map) {
                map.forEach(
                    (k, n) -> {
                      if (n instanceof Number number) {
                        values.put(String.valueOf(k), number.doubleValue());
                      }
                    });
              }
            });
    return Optional.of(
        new Overrides(
            scope.get(),
            values,
            e.find("changedBy", String.class).orElse(null),
            Instant.ofEpochMilli(at.get())));
  }
}
