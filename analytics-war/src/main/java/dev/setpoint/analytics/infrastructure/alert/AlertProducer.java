package dev.setpoint.analytics.infrastructure.alert;

import dev.setpoint.analytics.application.alert.AlertRulesBook;
import dev.setpoint.analytics.application.alert.AlertService;
import dev.setpoint.analytics.application.alert.EdgeAlertIntake;
import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.config.RecorderConfig;
import dev.setpoint.analytics.domain.alert.AlertNotifier;
import dev.setpoint.analytics.domain.alert.AlertRuleStore;
import dev.setpoint.analytics.domain.alert.AlertStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The application's one alert service and rule book, over the MongoDB stores and the notifier, and
 * the intake of the edge hubs' alerts into it.
 */
@ApplicationScoped
public class AlertProducer {
  private final AlertRulesBook rules;
  private final AlertService alerts;
  private final EdgeAlertIntake edgeAlerts;

  @Inject
  public AlertProducer(
      AlertStore store,
      AlertRuleStore ruleStore,
      AlertNotifier notifier,
      AuditTrail audit,
      RecorderConfig retry) {
    this.rules = new AlertRulesBook(ruleStore, audit, Clock.systemUTC());
    this.alerts = new AlertService(store, notifier, rules::rules, audit, Clock.systemUTC());
    this.edgeAlerts =
        new EdgeAlertIntake(
            alerts,
            retry.retryInitial,
            retry.retryMax,
            duration -> Thread.sleep(duration.toMillis()));
  }

  /** For CDI's proxy only. */
  protected AlertProducer() {
    this.rules = null;
    this.alerts = null;
    this.edgeAlerts = null;
  }

  @Produces
  AlertRulesBook rules() {
    return rules;
  }

  @Produces
  AlertService alerts() {
    return alerts;
  }

  @Produces
  EdgeAlertIntake edgeAlerts() {
    return edgeAlerts;
  }
}
