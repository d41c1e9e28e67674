package dev.setpoint.analytics.infrastructure.audit;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.application.audit.TokenDenylist;
import dev.setpoint.analytics.config.AuditConfig;
import dev.setpoint.analytics.domain.audit.AuditStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The application's one audit trail, over the MongoDB store, and the token denylist its records of
 * kind {@code token} feed.
 */
@ApplicationScoped
public class AuditProducer {
  private final AuditTrail trail;
  private final TokenDenylist denylist;

  @Inject
  public AuditProducer(AuditStore store, AuditConfig config) {
    this.trail = new AuditTrail(store, Clock.systemUTC(), config.retryInitial, config.retryMax);
    this.denylist = new TokenDenylist(store, Clock.systemUTC());
  }

  /** For CDI's proxy only. */
  protected AuditProducer() {
    this.trail = null;
    this.denylist = null;
  }

  @Produces
  AuditTrail trail() {
    return trail;
  }

  /** The denylist, read back from the trail at its first check after a start. */
  @Produces
  TokenDenylist denylist() {
    return denylist;
  }

  @PreDestroy
  void close() {
    trail.close();
  }
}
