package dev.setpoint.ingest.application;

import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditKind;
import dev.setpoint.ingest.config.DeviceTokenConfig;
import dev.setpoint.ingest.domain.DeviceToken;
import dev.setpoint.ingest.domain.DeviceTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Issues, revokes and checks the bearer tokens devices authenticate with. A device has at most one
 * valid token: issuing a new one revokes the old.
 *
 * <p>Checks are cached for {@code setpoint.ingest.security.device-token.cache-ttl} (30 s by
 * default) so that a device's steady stream of events does not cost a database lookup each. A
 * revocation takes effect at once on the server that performed it and within that bound on every
 * other one.
 *
 * <p>Issuing, rotating and revoking are recorded in the {@link AuditTrail} with when the token was
 * issued, never the token or its hash.
 */
@ApplicationScoped
public class DeviceTokenService {
  /** A bound on the cache so a flood of distinct valid tokens cannot grow it without limit. */
  static final int MAX_CACHED = 10_000;

  private final DeviceTokens tokens;
  private final AuditTrail audit;
  private final Clock clock;
  private final SecureRandom random;
  private final long cacheMillis;
  private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

  @Inject
  public DeviceTokenService(DeviceTokens tokens, AuditTrail audit, DeviceTokenConfig config) {
    this(tokens, audit, Clock.systemUTC(), new SecureRandom(), config.cacheTtl);
  }

  DeviceTokenService(
      DeviceTokens tokens, AuditTrail audit, Clock clock, SecureRandom random, Duration cacheFor) {
    if (cacheFor.isNegative()) {
      throw new IllegalArgumentException(
          "setpoint.ingest.security.device-token.cache-ttl must not be negative, was " + cacheFor);
    }
    this.tokens = tokens;
    this.audit = audit;
    this.clock = clock;
    this.random = random;
    this.cacheMillis = cacheFor.toMillis();
  }

  /** For CDI's proxy only. */
  protected DeviceTokenService() {
    this.tokens = null;
    this.audit = null;
    this.clock = null;
    this.random = null;
    this.cacheMillis = 0;
  }

  /**
   * Issues a new token for the device and revokes any earlier one: call it when a device is
   * created, and to rotate a token. The caller shows the token once; only its hash is stored.
   *
   * @throws IllegalArgumentException the device name is blank
   * @throws dev.setpoint.ingest.domain.StoreUnavailableException the token store is unreachable;
   *     the device's earlier token may then still be valid, so retry
   */
  public synchronized IssuedDeviceToken issue(String deviceName, AuditActor who) {
    requireName(deviceName);
    String token = DeviceTokenCodec.generate(random);
    String hash = DeviceTokenCodec.hash(token);
    long now = clock.millis();
    // Stored before the old one is revoked: a failure in between leaves the device its old token.
    tokens.add(new DeviceToken(hash, deviceName, now, null));
    List<DeviceToken> replaced =
        tokens.active(deviceName).stream().filter(old -> !old.hash().equals(hash)).toList();
    for (DeviceToken old : replaced) {
      revoke(old, now);
    }
    audit.record(
        who,
        tokenChange(replaced.isEmpty() ? AuditAction.ISSUE : AuditAction.ROTATE, deviceName)
            .withBefore(replaced.isEmpty() ? null : issued(replaced.getLast()))
            .withAfter(issued(new DeviceToken(hash, deviceName, now, null))));
    return new IssuedDeviceToken(deviceName, token, Instant.ofEpochMilli(now));
  }

  /**
   * Revokes the device's token, if it has one: call it when a device is deleted.
   *
   * @return whether a valid token was revoked
   * @throws IllegalArgumentException the device name is blank
   * @throws dev.setpoint.ingest.domain.StoreUnavailableException the token store is unreachable
   */
  public synchronized boolean revoke(String deviceName, AuditActor who) {
    requireName(deviceName);
    long now = clock.millis();
    DeviceToken last = null;
    for (DeviceToken token : tokens.active(deviceName)) {
      revoke(token, now);
      last = token;
    }
    if (last == null) {
      return false;
    }
    audit.record(who, tokenChange(AuditAction.REVOKE, deviceName).withBefore(issued(last)));
    return true;
  }

  private static AuditChange tokenChange(String action, String deviceName) {
    return AuditChange.of(AuditKind.DEVICE_TOKEN, action, deviceName).withDevice(deviceName);
  }

  /** A token as the audit trail shows it: whose it is and when it was issued, nothing usable. */
  public record TokenState(String device, Instant issuedAt) {}

  private static TokenState issued(DeviceToken token) {
    return new TokenState(token.deviceName(), Instant.ofEpochMilli(token.createdAt()));
  }

  /**
   * The device a valid token speaks for; empty for a malformed, unknown or revoked token.
   *
   * @throws dev.setpoint.ingest.domain.StoreUnavailableException the token store is unreachable
   */
  public Optional<String> authenticate(String token) {
    if (!DeviceTokenCodec.wellFormed(token)) {
      return Optional.empty();
    }
    String hash = DeviceTokenCodec.hash(token);
    long now = clock.millis();
    Cached cached = cache.get(hash);
    if (cached != null && now < cached.until()) {
      return Optional.of(cached.deviceName());
    }
    Optional<DeviceToken> found = tokens.find(hash).filter(DeviceToken::active);
    if (found.isEmpty()) {
      cache.remove(hash);
      return Optional.empty();
    }
    remember(hash, found.get().deviceName(), now);
    return Optional.of(found.get().deviceName());
  }

  private void revoke(DeviceToken token, long now) {
    tokens.update(token.revoked(now));
    cache.remove(token.hash());
  }

  private void remember(String hash, String deviceName, long now) {
    if (cacheMillis == 0) {
      return;
    }
    if (cache.size() >= MAX_CACHED) {
      cache.values().removeIf(c -> now >= c.until());
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
    }
    cache.put(hash, new Cached(deviceName, now + cacheMillis));
  }

  private static void requireName(String deviceName) {
    if (deviceName == null || deviceName.isBlank()) {
      throw new IllegalArgumentException("deviceName is required");
    }
  }

  private record Cached(String deviceName, long until) {}
}
