package dev.setpoint.analytics.application.notify;

import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.SubscriptionStore;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Subscriptions in memory, for tests; {@link #down} makes every call fail as a store down, {@link
 * #hold} makes every call wait until it is counted down, as a store that hangs.
 */
public final class InMemorySubscriptionStore implements SubscriptionStore {
  private final Map<String, Subscription> byName = new ConcurrentSkipListMap<>();
  public volatile boolean down;
  public volatile CountDownLatch hold;

  private void check() {
    CountDownLatch h = hold;
    if (h != null) {
      try {
        h.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (down) {
      throw new ControlStoreUnavailableException("the test's store is down", null);
    }
  }

  @Override
  public List<Subscription> all() {
    check();
    return new ArrayList<>(byName.values());
  }

  @Override
  public Optional<Subscription> find(String name) {
    check();
    return Optional.ofNullable(byName.get(name));
  }

  @Override
  public void save(Subscription subscription) {
    check();
    byName.put(subscription.name(), subscription);
  }

  @Override
  public void delete(String name, Instant at, String by) {
    check();
    byName.remove(name);
  }
}
