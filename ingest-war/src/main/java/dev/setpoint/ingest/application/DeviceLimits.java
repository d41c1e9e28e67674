package dev.setpoint.ingest.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.setpoint.ingest.config.DeviceLimitsConfig;
import dev.setpoint.ingest.domain.PendingEventCounts;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The per-device limits of the event path, so that one device (or its stolen token) cannot crowd
 * out the others or fill the hub's disk: a {@link TokenBucket} per device (429 when empty), and a
 * cap on its PENDING events, {@link PendingCap} (507 at the cap).
 *
 * <p>PENDING is counted without a query per post: each device's count is an estimate, the last
 * count from the store plus the events this ingest stored since. The relay only ever lowers the
 * true number (by forwarding), so the estimate never falls below it on one ingest. The store is
 * counted again in the background (one count at a time, never on a request thread) when a device is
 * first seen, when its estimate passes half its cap, and, while it stays at its cap, once per
 * {@code pending-recount}. A device that posts at its normal rate while the relay forwards is
 * therefore counted about once per half a cap of events; the count comes from per-device counts
 * kept in memory from the edge buffer's log (infrastructure's {@code LogPendingCounts}: what was
 * appended and what the relay's cursor passed since the last look), so its cost does not grow with
 * the backlog; it still never runs per request. Until a device's first count is in, its estimate
 * starts at zero.
 *
 * <p>Memory is bounded: the per-device state is forgotten after {@code idle} without a post, and at
 * most {@code max-tracked} devices are held (least recently used go first).
 */
@ApplicationScoped
public class DeviceLimits {
  private static final Logger LOG = Logger.getLogger(DeviceLimits.class.getName());

  /** The limits, as configured. */
  public record Settings(
      double rate, int burst, long pendingCap, Duration recount, Duration idle, long maxTracked) {
    public Settings {
      if (recount.isNegative() || recount.isZero() || idle.isNegative() || idle.isZero()) {
        throw new IllegalArgumentException(
            "setpoint.ingest.limits.device.pending-recount and idle must be positive, were "
                + recount
                + ", "
                + idle);
      }
      new TokenBucket(rate, burst, 0); // checks rate and burst
    }
  }

  private final Settings settings;
  private final PendingEventCounts counts;
  private final Ticker ticker;
  private final Cache<String, DeviceState> devices;
  private final Queue<Runnable> recounts = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean recounting = new AtomicBoolean();
  private Executor executor;

  // Jakarta Concurrency 3.0 offers its default executor only as a resource, hence a field.
  @Resource private ManagedExecutorService managedExecutor;

  @Inject
  public DeviceLimits(DeviceLimitsConfig config, PendingEventCounts counts) {
    this(
        new Settings(
            config.rate,
            config.burst,
            PendingCap.of(config.pendingFloor, config.normalInterval),
            config.pendingRecount,
            config.idle,
            config.maxTracked),
        counts,
        Ticker.systemTicker(),
        null);
  }

  /**
   * @param executor runs the background counts; null for the container's managed executor
   */
  DeviceLimits(Settings settings, PendingEventCounts counts, Ticker ticker, Executor executor) {
    this.settings = settings;
    this.counts = counts;
    this.ticker = ticker;
    this.executor = executor;
    this.devices =
        Caffeine.newBuilder()
            .maximumSize(settings.maxTracked())
            .expireAfterAccess(settings.idle())
            .ticker(ticker)
            .executor(Runnable::run)
            .build();
  }

  /** For CDI's proxy only. */
  protected DeviceLimits() {
    this.settings = null;
    this.counts = null;
    this.ticker = null;
    this.devices = null;
  }

  public Settings settings() {
    return settings;
  }

  /**
   * Takes one post from the device's rate.
   *
   * @throws DeviceRateLimitedException the device posts faster than its rate
   */
  public void admitPost(String device) {
    Duration wait = state(device).bucket.take(ticker.read());
    if (!wait.isZero()) {
      throw new DeviceRateLimitedException(
          "device '"
              + device
              + "' posts more than "
              + settings.rate()
              + " events a second (burst "
              + settings.burst()
              + "); the event was not stored, retry later",
          wait);
    }
  }

  /**
   * Admits one more PENDING event of the device, or refuses it at the cap.
   *
   * @throws PendingCapReachedException the device has its cap of events waiting for the relay
   */
  public void admitPending(String device) {
    DeviceState state = state(device);
    long now = ticker.read();
    boolean full;
    synchronized (state) {
      long estimate = state.base + state.inserted;
      full = estimate >= settings.pendingCap();
      boolean due =
          !state.counting
              && (!state.tried || now - state.countedAt >= settings.recount().toNanos());
      if (due && (!state.counted || estimate >= settings.pendingCap() / 2)) {
        state.counting = true;
        state.tried = true;
        state.countedAt = now;
        long insertedBefore = state.inserted;
        schedule(() -> recount(device, state, insertedBefore));
      }
    }
    if (full) {
      throw new PendingCapReachedException(
          "device '"
              + device
              + "' has "
              + settings.pendingCap()
              + " events waiting to be forwarded (its cap); the event was not stored, retry"
              + " later",
          settings.recount());
    }
  }

  /** Counts an event of the device stored PENDING. */
  public void stored(String device) {
    DeviceState state = state(device);
    synchronized (state) {
      state.inserted++;
    }
  }

  /** How many devices' states are held, after pending evictions; for tests. */
  long tracked() {
    devices.cleanUp();
    return devices.estimatedSize();
  }

  private DeviceState state(String device) {
    return devices.get(
        device,
        d -> new DeviceState(new TokenBucket(settings.rate(), settings.burst(), ticker.read())));
  }

  private void recount(String device, DeviceState state, long insertedBefore) {
    try {
      long pending = counts.pendingOf(device);
      synchronized (state) {
        state.base = pending;
        state.inserted -= insertedBefore; // those the count has seen; later ones may be in both
        state.counted = true;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not count the PENDING events of " + device, e);
    } finally {
      synchronized (state) {
        state.counting = false;
      }
    }
  }

  /** Runs the counts one after another, so a burst of new devices is not a burst of scans. */
  private void schedule(Runnable count) {
    recounts.add(count);
    if (recounting.compareAndSet(false, true)) {
      try {
        executor().execute(this::drain);
      } catch (RuntimeException e) { // shutting down: no more counts
        recounting.set(false);
        LOG.log(Level.FINE, "no executor for the PENDING counts", e);
      }
    }
  }

  private void drain() {
    do {
      for (Runnable count = recounts.poll(); count != null; count = recounts.poll()) {
        count.run();
      }
      recounting.set(false);
    } while (!recounts.isEmpty() && recounting.compareAndSet(false, true));
  }

  private Executor executor() {
    return executor != null ? executor : managedExecutor;
  }

  /** One device's limit state; guarded by itself, the bucket by its own lock. */
  private static final class DeviceState {
    final TokenBucket bucket;
    long base;
    long inserted;
    long countedAt;
    boolean tried;
    boolean counted;
    boolean counting;

    DeviceState(TokenBucket bucket) {
      this.bucket = bucket;
    }
  }
}
