package dev.setpoint.ingest.infrastructure.health;

import dev.setpoint.ingest.infrastructure.persistence.EdgeBufferIndexes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the edge buffer's indexes exist, so no query ever runs without them. Until then the
 * reason is {@code pending}; {@link EdgeBufferIndexes} logs each failed attempt.
 */
@Startup
@ApplicationScoped
public class IndexesStartupCheck implements HealthCheck {
  static final String NAME = "ingest-indexes";
  private final EdgeBufferIndexes indexes;

  @Inject
  public IndexesStartupCheck(EdgeBufferIndexes indexes) {
    this.indexes = indexes;
  }

  /** For CDI's proxy only. */
  protected IndexesStartupCheck() {
    this.indexes = null;
  }

  @Override
  public HealthCheckResponse call() {
    if (indexes.ensured()) {
      return HealthCheckResponse.named(NAME).up().build();
    }
    return HealthCheckResponse.named(NAME).down().withData("reason", "pending").build();
  }
}
