package dev.setpoint.analytics.infrastructure.audit;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.config.AuditConfig;
import dev.setpoint.analytics.domain.audit.AuditStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/** The application's one audit trail, over the MongoDB store. */
@ApplicationScoped
public class AuditProducer {
  private final AuditTrail trail;

  @Inject
  public AuditProducer(AuditStore store, AuditConfig config) {
    this.trail = new AuditTrail(store, Clock.systemUTC(), config.retryInitial, config.retryMax);
  }

  /** For CDI's proxy only. */
  protected AuditProducer() {
    this.trail = null;
  }

  @Produces
  AuditTrail trail() {
    return trail;
  }

  @PreDestroy
  void close() {
    trail.close();
  }
}
