package dev.setpoint.ingest.infrastructure.volume;

import dev.setpoint.ingest.application.BufferVolumeGuard;
import dev.setpoint.ingest.application.BufferVolumeGuard.State;
import dev.setpoint.ingest.domain.VolumeUsage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The buffer volume's figures on {@code /metrics} (application scope), as last measured: the
 * fraction used and the bytes free (NaN and −1 while not measured), whether ingest refuses events
 * (1) or takes them (0), and how many event writes it refused for it since start.
 */
@ApplicationScoped
public class BufferVolumeMetrics {
  static final String USED = "setpoint.ingest.buffer.volume.used";
  static final String FREE = "setpoint.ingest.buffer.volume.free";
  static final String REFUSING = "setpoint.ingest.buffer.volume.refusing";
  static final String REFUSED = "setpoint.ingest.events.refused.volume";

  private final MetricRegistry registry;
  private final BufferVolumeGuard guard;

  @Inject
  public BufferVolumeMetrics(
      @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE) MetricRegistry registry,
      BufferVolumeGuard guard) {
    this.registry = registry;
    this.guard = guard;
  }

  /** For CDI's proxy only. */
  protected BufferVolumeMetrics() {
    this.registry = null;
    this.guard = null;
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    registry.gauge(
        Metadata.builder()
            .withName(USED)
            .withDescription(
                "Fraction (0..1) of the edge buffer's volume in use; NaN while not measured")
            .withUnit(MetricUnits.NONE)
            .build(),
        guard,
        g -> {
          VolumeUsage u = g.status().usage();
          return u == null ? Double.NaN : u.usedFraction();
        });
    registry.gauge(
        Metadata.builder()
            .withName(FREE)
            .withDescription("Bytes still free on the edge buffer's volume; -1 while not measured")
            .withUnit(MetricUnits.BYTES)
            .build(),
        guard,
        g -> {
          VolumeUsage u = g.status().usage();
          return u == null ? -1 : u.freeBytes();
        });
    registry.gauge(
        Metadata.builder()
            .withName(REFUSING)
            .withDescription(
                "1 while ingest refuses events (507) because the edge buffer's volume is full")
            .withUnit(MetricUnits.NONE)
            .build(),
        guard,
        g -> g.status().state() == State.REFUSING ? 1 : 0);
    registry.gauge(
        Metadata.builder()
            .withName(REFUSED)
            .withDescription("Event writes refused (507) since start for a full buffer volume")
            .withUnit(MetricUnits.NONE)
            .build(),
        guard,
        BufferVolumeGuard::refusedCount);
  }
}
