package dev.setpoint.analytics.application;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The latest event ids stored, at most {@link #capacity()} of them (the oldest leaves first), and
 * how many ids were stored again while still here. Counting writes per event id over all time would
 * take memory in proportion to the fleet's history; a bounded window catches what matters: a batch
 * written twice because a crash or a lost answer replayed it, which happens within seconds. An id
 * written again after it left the window is not counted. Thread-safe.
 */
public final class RecentEventIds {
  private final int capacity;
  private final LinkedHashMap<String, Boolean> ids;
  private long repeats;

  /**
   * @param capacity how many of the latest ids are kept; 0 keeps none and counts nothing
   */
  public RecentEventIds(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must be ≥ 0, not " + capacity);
    }
    this.capacity = capacity;
    this.ids =
        new LinkedHashMap<>(Math.min(capacity, 1 << 16)) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RecentEventIds.this.capacity;
          }
        };
  }

  /** Notes that the id was stored; counts it as a repeat when it is still in the window. */
  public synchronized void add(String eventId) {
    if (capacity == 0) {
      return;
    }
    if (ids.put(eventId, Boolean.TRUE) != null) {
      repeats++;
    }
  }

  /** Ids stored again while still in the window, since start. */
  public synchronized long repeats() {
    return repeats;
  }

  /** How many of the latest ids are kept. */
  public int capacity() {
    return capacity;
  }
}
