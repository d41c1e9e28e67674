package dev.setpoint.relay.infrastructure.persistence;

import dev.setpoint.contracts.edgex.AdminState;
import dev.setpoint.contracts.ingest.DeviceDocument;
import dev.setpoint.contracts.ingest.ProfileDocument;
import dev.setpoint.relay.domain.DeviceDirectory;
import dev.setpoint.relay.domain.KnownDevice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Devices and their profiles from ingest's Core Metadata collections, read through JNoSQL with the
 * entities ingest writes them with. Each device is kept for a short time ({@code
 * setpoint.relay.device-cache-ms}, 5 s by default, as ingest's own metadata cache), so a forwarding
 * round does not read metadata once per event; a lock, a relabel or a profile change reaches the
 * relay within that time.
 */
@ApplicationScoped
public class JnosqlDeviceDirectory implements DeviceDirectory {
  private record Cached(Optional<KnownDevice> device, long readAtNanos) {}

  private final Template template;
  private final long ttlNanos;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  @Inject
  public JnosqlDeviceDirectory(
      Template template,
      @ConfigProperty(name = "setpoint.relay.device-cache-ms", defaultValue = "5000")
          long ttlMillis) {
    this.template = template;
    this.ttlNanos = ttlMillis * 1_000_000L;
  }

  /** For CDI's proxy only. */
  protected JnosqlDeviceDirectory() {
    this.template = null;
    this.ttlNanos = 0;
  }

  @Override
  public Optional<KnownDevice> device(String name) {
    long now = System.nanoTime();
    Cached cached = cache.get(name);
    if (cached != null && now - cached.readAtNanos() < ttlNanos) {
      return cached.device();
    }
    Optional<KnownDevice> device = read(name);
    if (cache.size() > 10_000) {
      cache.clear(); // devices come and go; never let a long-running relay grow without bound
    }
    cache.put(name, new Cached(device, now));
    return device;
  }

  private Optional<KnownDevice> read(String name) {
    return template
        .find(DeviceDocument.class, name)
        .map(
            d -> {
              Map<String, ProfileDocument.Resource> resources = new LinkedHashMap<>();
              template
                  .find(ProfileDocument.class, d.profileName())
                  .ifPresent(
                      p -> {
                        if (p.deviceResources() != null) {
                          p.deviceResources().forEach(r -> resources.put(r.name(), r));
                        }
                      });
              return new KnownDevice(
                  d.name(),
                  d.adminState() == AdminState.LOCKED,
                  d.labels() == null ? List.of() : List.copyOf(d.labels()),
                  Map.copyOf(resources));
            });
  }
}
