package dev.setpoint.ingest.infrastructure.health;

import dev.setpoint.ingest.application.MetadataSeeder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * Started once the shipped device profiles and device service are stored: before that no event of a
 * shipped device could be accepted. Each probe retries the seeding until it succeeds, so a MongoDB
 * that comes up after the server only delays the start.
 */
@Startup
@ApplicationScoped
public class MetadataSeedCheck implements HealthCheck {
  private final MetadataSeeder seeder;

  @Inject
  public MetadataSeedCheck(MetadataSeeder seeder) {
    this.seeder = seeder;
  }

  /** For CDI's proxy only. */
  protected MetadataSeedCheck() {
    this.seeder = null;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("ingest-metadata-seeded").status(seeder.seed()).build();
  }
}
