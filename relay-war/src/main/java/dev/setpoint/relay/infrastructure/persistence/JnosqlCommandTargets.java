package dev.setpoint.relay.infrastructure.persistence;

import dev.setpoint.contracts.command.CommandTarget;
import dev.setpoint.relay.config.CommandTargetsConfig;
import dev.setpoint.relay.domain.CommandTargets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The command targets ingest publishes ({@link CommandTarget#COLLECTION}), read through JNoSQL.
 * Each device's view is kept for a short time ({@code setpoint.relay.command-targets.cache-ttl}, 5
 * s by default, as ingest's own metadata cache), so a burst of commands does not read it once per
 * command; a lock or a profile change reaches the relay within that time.
 */
@ApplicationScoped
public class JnosqlCommandTargets implements CommandTargets {
  private static final int MAX_CACHED = 10_000;

  private record Cached(Optional<CommandTarget> target, long readAtNanos) {}

  private final Template template;
  private final long ttlNanos;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  @Inject
  public JnosqlCommandTargets(Template template, CommandTargetsConfig config) {
    this.template = template;
    this.ttlNanos = config.cacheTtl.toNanos();
  }

  /** For CDI's proxy only. */
  protected JnosqlCommandTargets() {
    this.template = null;
    this.ttlNanos = 0;
  }

  @Override
  public Optional<CommandTarget> target(String deviceName) {
    long now = System.nanoTime();
    Cached cached = cache.get(deviceName);
    if (cached != null && now - cached.readAtNanos() < ttlNanos) {
      return cached.target();
    }
    Optional<CommandTarget> target = template.find(CommandTarget.class, deviceName);
    if (cache.size() > MAX_CACHED) {
      cache.clear(); // devices come and go; never let a long-running relay grow without bound
    }
    cache.put(deviceName, new Cached(target, now));
    return target;
  }
}
