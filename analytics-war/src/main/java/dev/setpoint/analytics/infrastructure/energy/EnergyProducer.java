package dev.setpoint.analytics.infrastructure.energy;

import dev.setpoint.analytics.application.energy.EnergyRollupService;
import dev.setpoint.analytics.application.energy.EnergyService;
import dev.setpoint.analytics.application.energy.EnergySettings;
import dev.setpoint.analytics.config.EnergyConfig;
import dev.setpoint.analytics.domain.energy.EnergyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Builds the application's one energy roll-up and energy reads over the InfluxDB store, with the
 * checked settings and the system clock: one roll-up, because the recorder tells it of late
 * readings that its schedule then rolls up. A setting that {@link EnergySettings} refuses stops the
 * deployment, naming its key.
 */
@ApplicationScoped
public class EnergyProducer {
  private final EnergyRollupService rollup;
  private final EnergyService energy;

  @Inject
  public EnergyProducer(EnergyStore store, EnergyConfig config) {
    EnergySettings settings =
        new EnergySettings(config.rollupInterval, config.lookback, config.gap, config.maxPowerKw);
    this.rollup = new EnergyRollupService(store, settings, Clock.systemUTC());
    this.energy = new EnergyService(store, Clock.systemUTC());
  }

  /** For CDI's proxy only. */
  protected EnergyProducer() {
    this.rollup = null;
    this.energy = null;
  }

  @Produces
  EnergyRollupService rollupService() {
    return rollup;
  }

  @Produces
  EnergyService energyService() {
    return energy;
  }
}
