package dev.setpoint.analytics.infrastructure.savings;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.application.energy.EnergyService;
import dev.setpoint.analytics.application.savings.MvPlans;
import dev.setpoint.analytics.application.savings.SavingsService;
import dev.setpoint.analytics.domain.alert.AlertQuery;
import dev.setpoint.analytics.domain.alert.AlertStore;
import dev.setpoint.analytics.domain.savings.MvPlanStore;
import dev.setpoint.analytics.domain.savings.SavingsStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The application's one {@link MvPlans} (the plans the recommender follows) and the {@link
 * SavingsService} over it, with the system clock.
 */
@ApplicationScoped
public class SavingsProducer {
  private final MvPlans plans;
  private final SavingsService savings;

  @Inject
  public SavingsProducer(
      MvPlanStore store,
      EnergyService energy,
      SavingsStore series,
      AlertStore alerts,
      AuditTrail audit) {
    this.plans = new MvPlans(store);
    this.savings =
        new SavingsService(
            plans,
            energy,
            series,
            (room, from, to) ->
                alerts.query(
                    new AlertQuery(
                        null, false, null, null, null, room, null, from, to, 0, MAX_ALERTS)),
            audit,
            Clock.systemUTC());
  }

  /** The most alerts a room's monthly report lists. */
  static final int MAX_ALERTS = 500;

  /** For CDI's proxy only. */
  protected SavingsProducer() {
    this.plans = null;
    this.savings = null;
  }

  /** Typed as MvPlans only: as an MvPlanStore it would stand beside the MongoDB store it wraps. */
  @Produces
  @Typed(MvPlans.class)
  MvPlans plans() {
    return plans;
  }

  @Produces
  SavingsService savings() {
    return savings;
  }
}
