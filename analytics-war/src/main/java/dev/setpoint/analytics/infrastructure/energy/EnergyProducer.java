package dev.setpoint.analytics.infrastructure.energy;

import dev.setpoint.analytics.application.energy.EnergyRollupService;
import dev.setpoint.analytics.application.energy.EnergyService;
import dev.setpoint.analytics.application.energy.EnergySettings;
import dev.setpoint.analytics.config.EnergyConfig;
import dev.setpoint.analytics.domain.energy.EnergyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * Wires the plain energy services to the InfluxDB store, the checked settings and the system clock.
 * A setting that {@link EnergySettings} refuses stops the deployment, naming its key.
 */
@ApplicationScoped
public class EnergyProducer {
  @Produces
  EnergySettings settings(EnergyConfig config) {
    return new EnergySettings(
        config.rollupInterval, config.lookback, config.gap, config.maxPowerKw);
  }

  @Produces
  EnergyRollupService rollupService(EnergyStore store, EnergySettings settings) {
    return new EnergyRollupService(store, settings, Clock.systemUTC());
  }

  @Produces
  EnergyService energyService(EnergyStore store) {
    return new EnergyService(store, Clock.systemUTC());
  }
}
