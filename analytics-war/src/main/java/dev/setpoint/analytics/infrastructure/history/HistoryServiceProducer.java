package dev.setpoint.analytics.infrastructure.history;

import dev.setpoint.analytics.application.history.HistoryService;
import dev.setpoint.analytics.domain.history.HistoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Wires the plain {@link HistoryService} to the InfluxDB store and the system clock. */
@ApplicationScoped
public class HistoryServiceProducer {
  @Produces
  HistoryService historyService(HistoryStore store) {
    return new HistoryService(store, Clock.systemUTC());
  }
}
