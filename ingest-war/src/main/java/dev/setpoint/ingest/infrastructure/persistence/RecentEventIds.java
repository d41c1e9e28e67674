package dev.setpoint.ingest.infrastructure.persistence;

import com.mongodb.client.model.Projections;
import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EdgeLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The duplicate check's memory: per device, the ids of its most recent {@code perDevice} stored
 * events, for at most {@code maxDevices} devices (least recently written go first). An event whose
 * id is in its device's window is that event's 409; one beyond it is stored again.
 *
 * <p>Why a window is enough: a device's agent ({@code device}'s {@code Outbox}) posts its journal
 * oldest first and one event at a time, and resends only the head it got no answer for; so the one
 * event it may resend after an ambiguous outcome (stored, but the 201 lost to a timeout or a crash)
 * is the last one ingest stored for it, and a window of one would do. The default keeps 64 for
 * clients that post many at once (EdgeX device services, a burst of concurrent posts). A resend
 * from beyond the window (a device whose journal was restored from an old copy, or one evicted from
 * the window by {@value #MEMORY_PER_ID_BYTES}-byte-an-id bounds) is stored and forwarded again;
 * InfluxDB overwrites the same point (same series and timestamp) and analytics' writes are keyed by
 * the event id, so the effect downstream is still once.
 *
 * <p>Not thread-safe: only {@link EventWriteQueue}'s single writer checks and adds, so
 * check-then-append is race-free within one ingest. Several ingest replicas on one database would
 * each see only their own writes: they need sticky devices (the load balancer sends a device to one
 * replica) or, where a resend stored twice must not happen, a per-device unique key in the store
 * (for example a unique index on the device and its own sequence number), which this layout does
 * not have.
 *
 * <p>At start {@link #rebuild} refills the windows by walking the log newest first, so a restart
 * (or a crash between a batch's commit and its 201s) keeps the check.
 */
final class RecentEventIds {
  /** About what one id costs: the string, its set entry and its queue slot. */
  static final int MEMORY_PER_ID_BYTES = 130;

  private final int perDevice;
  private final int maxDevices;
  private final LinkedHashMap<String, Window> devices;

  /** One device's ids, oldest first, and the same ids as a set. */
  private static final class Window {
    final ArrayDeque<String> order = new ArrayDeque<>();
    final Set<String> ids = new HashSet<>();
  }

  RecentEventIds(int perDevice, int maxDevices) {
    if (perDevice < 1 || maxDevices < 1) {
      throw new IllegalArgumentException(
          "the duplicate window's ids per device and devices must be positive, were "
              + perDevice
              + " and "
              + maxDevices);
    }
    this.perDevice = perDevice;
    this.maxDevices = maxDevices;
    this.devices =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
            return size() > RecentEventIds.this.maxDevices;
          }
        };
  }

  /** Whether this device stored this id within its window. */
  boolean contains(String device, String id) {
    Window window = devices.get(device);
    return window != null && window.ids.contains(id);
  }

  /** Records a stored event as its device's newest; the oldest beyond the window goes. */
  void add(String device, String id) {
    Window window = devices.computeIfAbsent(device, d -> new Window());
    if (!window.ids.add(id)) {
      return;
    }
    window.order.addLast(id);
    if (window.order.size() > perDevice) {
      window.ids.remove(window.order.removeFirst());
    }
  }

  /** Devices held. */
  int devices() {
    return devices.size();
  }

  /** Ids held, over every device. */
  int ids() {
    return devices.values().stream().mapToInt(window -> window.order.size()).sum();
  }

  /**
   * Refills the windows from the log, newest first, until every window found is full and no device
   * more fits, or {@code maxEvents} events were read, or the log's start (the relay's compacted
   * mark) is reached. Memory is the log walk's one window plus the ids kept.
   *
   * @return how many events were read
   */
  long rebuild(BatchLog log, long maxEvents) {
    // Devices in the order found, newest first; each one's ids oldest first.
    LinkedHashMap<String, ArrayDeque<String>> found = new LinkedHashMap<>();
    long[] read = {0};
    int[] full = {0};
    log.walk(
        Projections.include(EdgeLog.COUNT, EdgeLog.EVENTS),
        (seq, batch, state) -> {
          List<BufferedEvent> events = EventDocuments.eventsOf(batch, state);
          for (int i = events.size() - 1; i >= 0; i--) {
            BufferedEvent event = events.get(i);
            ArrayDeque<String> ids = found.get(event.deviceName());
            if (ids == null) {
              if (found.size() >= maxDevices) {
                continue;
              }
              ids = new ArrayDeque<>();
              found.put(event.deviceName(), ids);
            }
            if (ids.size() < perDevice && !ids.contains(event.id())) {
              ids.addFirst(event.id());
              if (ids.size() == perDevice) {
                full[0]++;
              }
            }
          }
          read[0] += events.size();
          return read[0] < maxEvents && !(found.size() >= maxDevices && full[0] == found.size());
        });
    devices.clear();
    List<String> newestFirst = new ArrayList<>(found.keySet());
    for (int d = newestFirst.size() - 1; d >= 0; d--) {
      for (String id : found.get(newestFirst.get(d))) {
        add(newestFirst.get(d), id);
      }
    }
    return read[0];
  }
}
