package dev.setpoint.analytics.application.notify;

import dev.setpoint.analytics.domain.notify.Transmission;
import dev.setpoint.analytics.domain.notify.TransmissionPage;
import dev.setpoint.analytics.domain.notify.TransmissionQuery;
import dev.setpoint.analytics.domain.notify.TransmissionStatus;
import dev.setpoint.analytics.domain.notify.TransmissionStore;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transmissions in memory, for tests, keeping every state saved ({@link #history}); {@link #down}
 * makes every call fail as a store down.
 */
public final class InMemoryTransmissionStore implements TransmissionStore {
  private final List<Transmission> saved = new ArrayList<>();
  public volatile boolean down;

  private void check() {
    if (down) {
      throw new ControlStoreUnavailableException("the test's store is down", null);
    }
  }

  @Override
  public synchronized void save(Transmission transmission) {
    check();
    saved.add(transmission);
  }

  /** Every state saved, oldest first. */
  public synchronized List<Transmission> history() {
    return List.copyOf(saved);
  }

  /** The statuses one transmission was saved with, in order. */
  public synchronized List<TransmissionStatus> statuses(String id) {
    return saved.stream().filter(t -> t.id().equals(id)).map(Transmission::status).toList();
  }

  /** Each transmission's latest state. */
  public synchronized List<Transmission> latest() {
    Map<String, Transmission> latest = new LinkedHashMap<>();
    saved.forEach(t -> latest.merge(t.id(), t, (a, b) -> b.revision() >= a.revision() ? b : a));
    return new ArrayList<>(latest.values());
  }

  @Override
  public synchronized List<Transmission> open() {
    check();
    return latest().stream().filter(t -> t.status().open()).toList();
  }

  @Override
  public synchronized TransmissionPage find(TransmissionQuery query) {
    check();
    List<Transmission> matching =
        latest().stream()
            .filter(query::matches)
            .sorted(Comparator.comparing(Transmission::created).reversed())
            .toList();
    int from = Math.min(matching.size(), query.page() * query.size());
    int to = Math.min(matching.size(), from + query.size());
    return new TransmissionPage(matching.subList(from, to), matching.size());
  }
}
