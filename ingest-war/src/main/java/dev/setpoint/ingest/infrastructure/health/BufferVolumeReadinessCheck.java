package dev.setpoint.ingest.infrastructure.health;

import dev.setpoint.ingest.application.BufferVolumeGuard;
import dev.setpoint.ingest.domain.VolumeUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The buffer volume's state in readiness, always UP: a hub whose volume is full still serves reads
 * and logins, and its relay must keep draining (which frees the space), so it must not be taken out
 * of service; only event writes are refused (507). The body names the state ({@code accepting},
 * {@code refusing}, {@code unmeasured} with why the check is off) and the fraction used; never the
 * path, which would map the installation for an anonymous caller (the log has it).
 */
@Readiness
@ApplicationScoped
public class BufferVolumeReadinessCheck implements HealthCheck {
  static final String NAME = "ingest-buffer-volume";

  private final BufferVolumeGuard guard;

  @Inject
  public BufferVolumeReadinessCheck(BufferVolumeGuard guard) {
    this.guard = guard;
  }

  /** For CDI's proxy only. */
  protected BufferVolumeReadinessCheck() {
    this.guard = null;
  }

  @Override
  public HealthCheckResponse call() {
    BufferVolumeGuard.Status status = guard.status();
    HealthCheckResponseBuilder up =
        HealthCheckResponse.named(NAME).up().withData("state", status.state().code());
    VolumeUsage usage = status.usage();
    if (usage != null) {
      up.withData("usedPercent", String.format(Locale.ROOT, "%.1f", usage.usedFraction() * 100));
    }
    if (status.state() == BufferVolumeGuard.State.UNMEASURED) {
      up.withData("reason", status.reason()); // names keys and the server's kind, never a path
    }
    return up.build();
  }
}
