package dev.setpoint.analytics.infrastructure.history;

import dev.setpoint.analytics.application.history.HistoryService;
import dev.setpoint.analytics.application.history.Retention;
import dev.setpoint.analytics.config.HistoryConfig;
import dev.setpoint.analytics.domain.history.HistoryStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Wires the plain {@link HistoryService} to the InfluxDB store, the system clock and the store's
 * retention as configured.
 */
@ApplicationScoped
public class HistoryServiceProducer {
  @Produces
  HistoryService historyService(HistoryStore store, HistoryConfig config) {
    return new HistoryService(
        store, Clock.systemUTC(), new Retention(config.rawRetention, config.rollupRetention));
  }
}
