package dev.setpoint.analytics.domain.notify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the subscriptions are kept. Reads and writes throw {@link
 * dev.setpoint.analytics.domain.room.ControlStoreUnavailableException} when the store does not
 * answer.
 */
public interface SubscriptionStore {
  /** Every subscription, by name. */
  List<Subscription> all();

  Optional<Subscription> find(String name);

  /** Stores a new subscription, or a change of one (the whole subscription). */
  void save(Subscription subscription);

  /** Removes a subscription; its transmissions stay. */
  void delete(String name, Instant at, String by);
}
