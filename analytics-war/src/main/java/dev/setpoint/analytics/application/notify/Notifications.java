package dev.setpoint.analytics.application.notify;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.alert.AlertNotifier;
import dev.setpoint.analytics.domain.notify.Channel;
import dev.setpoint.analytics.domain.notify.ChannelSender;
import dev.setpoint.analytics.domain.notify.ChannelType;
import dev.setpoint.analytics.domain.notify.SendResult;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.SubscriptionStore;
import dev.setpoint.analytics.domain.notify.Transmission;
import dev.setpoint.analytics.domain.notify.TransmissionPage;
import dev.setpoint.analytics.domain.notify.TransmissionQuery;
import dev.setpoint.analytics.domain.notify.TransmissionStatus;
import dev.setpoint.analytics.domain.notify.TransmissionStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the subscribers of alerts what happened to them: the alert engine's {@link AlertNotifier}.
 *
 * <p>{@link #notify} only queues the event and returns: it never waits for a store or a receiver.
 * On the executor, each queued event is matched against the subscriptions, and one {@link
 * Transmission} per matching subscription and channel is <em>recorded</em> ({@code PENDING}) before
 * anything is sent; while the store does not answer, the events wait in memory and recording is
 * tried again every {@link RetryPolicy#initial()}. Each channel (a subscription's webhook URL or
 * recipients) is a lane of its own: its transmissions are sent one at a time, oldest first, each
 * attempt bounded by its sender's timeout, so a receiver that hangs or fails delays its own lane
 * and no other. A failed attempt is recorded ({@code RESENDING}) and tried again after the policy's
 * backoff; after the last attempt it is recorded as {@code FAILED}, the dead letter. On {@link
 * #start()}, what the store holds as still open is queued again, so a restart sends what was
 * pending (at least once: a receiver should de-duplicate by the transmission's id).
 *
 * <p>Thread-safe; everything but {@link #notify} runs on the executor.
 */
public final class Notifications implements AlertNotifier {
  private static final Logger LOG = Logger.getLogger(Notifications.class.getName());

  /** Events waiting to be recorded, at most; beyond it (a store down for long) they are refused. */
  public static final int INTAKE_CAPACITY = 10_000;

  private static final Comparator<Transmission> OLDEST_FIRST =
      Comparator.comparing(Transmission::created).thenComparing(Transmission::id);

  /** An alert event waiting to be recorded. */
  private record Notice(String id, Alert alert, AlertEvent event, Instant at) {}

  /** A channel's transmissions still to send, oldest first; one attempt at a time. */
  private static final class Lane {
    final String key;
    final PriorityQueue<Transmission> waiting = new PriorityQueue<>(OLDEST_FIRST);
    boolean busy;

    Lane(String key) {
      this.key = key;
    }
  }

  private final SubscriptionStore subscriptions;
  private final TransmissionStore transmissions;
  private final Map<ChannelType, ChannelSender> senders;
  private final ScheduledExecutorService executor;
  private final RetryPolicy retry;
  private final Clock clock;

  private final LinkedBlockingQueue<Notice> intake = new LinkedBlockingQueue<>(INTAKE_CAPACITY);
  private final ReentrantLock recording = new ReentrantLock();
  private final AtomicBoolean recordRetryScheduled = new AtomicBoolean();
  private final AtomicLong refused = new AtomicLong();

  /** The subscriptions as last read, for an attempt while the store does not answer. */
  private final Map<String, Subscription> lastKnown = new ConcurrentHashMap<>();

  // guarded by this
  private final Map<String, Lane> lanes = new HashMap<>();
  private final Set<String> queued = new HashSet<>();

  private volatile boolean stopped;

  /**
   * @param senders the sender of each channel type; a transmission of a type without one fails
   * @param executor runs the recording and the attempts (the managed scheduler on Liberty)
   */
  public Notifications(
      SubscriptionStore subscriptions,
      TransmissionStore transmissions,
      Map<ChannelType, ChannelSender> senders,
      ScheduledExecutorService executor,
      RetryPolicy retry,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.transmissions = transmissions;
    this.senders = senders.isEmpty() ? Map.of() : new EnumMap<>(senders);
    this.executor = executor;
    this.retry = retry;
    this.clock = clock;
  }

  /** Queues the event; returns at once. */
  @Override
  public void notify(Alert alert, AlertEvent event) {
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(event, "event");
    Notice notice = new Notice(UUID.randomUUID().toString(), alert, event, clock.instant());
    if (!intake.offer(notice)) {
      refused.incrementAndGet();
      LOG.severe(
          () ->
              "notifications: "
                  + INTAKE_CAPACITY
                  + " alert events are waiting for the store; "
                  + event.code()
                  + " of alert "
                  + alert.id()
                  + " is not told to its subscribers");
      return;
    }
    submit(this::record, Duration.ZERO);
  }

  /** Queues again what the store holds as still to be sent (call once, at start). */
  public void start() {
    submit(this::recover, Duration.ZERO);
  }

  /** Stops sending: nothing further is recorded or attempted. */
  public void stop() {
    stopped = true;
  }

  /** The transmissions a query asks for. */
  public TransmissionPage transmissions(TransmissionQuery query) {
    return transmissions.find(query);
  }

  /** Alert events refused since start because too many were waiting for the store. */
  public long refused() {
    return refused.get();
  }

  /** Alert events waiting to be recorded. */
  public int unrecorded() {
    return intake.size();
  }

  /** Transmissions recorded and still to be sent. */
  public synchronized int unsent() {
    return queued.size();
  }

  private void submit(Runnable task, Duration delay) {
    if (stopped) {
      return;
    }
    try {
      executor.schedule(
          () -> {
            try {
              if (!stopped) {
                task.run();
              }
            } catch (RuntimeException e) {
              LOG.log(Level.WARNING, "notifications: a task failed", e);
            }
          },
          Math.max(0, delay.toMillis()),
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      LOG.warning("notifications: the scheduler refused a task (is it stopping?)");
    }
  }

  /**
   * Records the queued events' transmissions, oldest first, and queues them for sending. One thread
   * records at a time; another that finds it busy leaves its event to it (the recorder looks at the
   * queue again after letting go). When the store fails, one retry is scheduled, after the lock is
   * let go, so a retry that found the lock busy is never lost.
   */
  private void record() {
    while (recording.tryLock()) {
      boolean failed = false;
      try {
        Notice notice;
        while ((notice = intake.peek()) != null) {
          List<Transmission> recorded;
          try {
            recorded = transmissionsOf(notice);
          } catch (RuntimeException e) {
            LOG.log(
                Level.WARNING,
                "notifications: could not record the transmissions of "
                    + intake.size()
                    + " alert event(s), trying again in "
                    + retry.initial()
                    + ": "
                    + e.getMessage());
            failed = true;
            break;
          }
          intake.poll();
          recorded.forEach(this::enqueue);
        }
      } finally {
        recording.unlock();
      }
      if (failed) {
        if (recordRetryScheduled.compareAndSet(false, true)) {
          submit(
              () -> {
                recordRetryScheduled.set(false);
                record();
              },
              retry.initial());
        }
        return;
      }
      if (intake.isEmpty()) {
        return;
      }
    }
  }

  /**
   * Saves a transmission per matching subscription and channel. Saving again after a failure part
   * way saves the same transmissions (their ids derive from the notice).
   */
  private List<Transmission> transmissionsOf(Notice notice) {
    List<Transmission> recorded = new ArrayList<>();
    for (Subscription s : subscriptions.all()) {
      lastKnown.put(s.name(), s);
      if (!s.matches(notice.alert(), notice.event())) {
        continue;
      }
      for (Channel c : s.channels()) {
        Transmission t =
            Transmission.pending(
                notice.id(), s.name(), c, notice.alert(), notice.event(), notice.at());
        transmissions.save(t);
        recorded.add(t);
      }
    }
    return recorded;
  }

  private void recover() {
    List<Transmission> open;
    try {
      open = transmissions.open();
    } catch (RuntimeException e) {
      LOG.warning(
          "notifications: could not read the transmissions still to send, trying again in "
              + retry.initial()
              + ": "
              + e.getMessage());
      submit(this::recover, retry.initial());
      return;
    }
    if (!open.isEmpty()) {
      LOG.info(() -> "notifications: " + open.size() + " transmission(s) still to send");
    }
    open.stream().sorted(OLDEST_FIRST).forEach(this::enqueue);
  }

  private synchronized void enqueue(Transmission t) {
    if (stopped || !t.status().open() || !queued.add(t.id())) {
      return;
    }
    Lane lane = lanes.computeIfAbsent(t.subscription() + ' ' + laneOf(t.channel()), Lane::new);
    lane.waiting.add(t);
    if (!lane.busy) {
      lane.busy = true;
      scheduleHead(lane);
    }
  }

  private static String laneOf(Channel c) {
    return c.type() + " " + c.target();
  }

  /** Schedules the attempt of the lane's oldest transmission (holding this). */
  private void scheduleHead(Lane lane) {
    Transmission head = lane.waiting.peek();
    Duration wait =
        head.nextAttemptAt() == null
            ? Duration.ZERO
            : Duration.between(clock.instant(), head.nextAttemptAt());
    submit(() -> attempt(lane), wait.isNegative() ? Duration.ZERO : wait);
  }

  /** Makes one attempt of the lane's oldest transmission and records what came of it. */
  private void attempt(Lane lane) {
    Transmission t;
    synchronized (this) {
      t = lane.waiting.peek();
      if (t == null) {
        lane.busy = false;
        lanes.remove(lane.key);
        return;
      }
    }
    Optional<Subscription> subscription;
    try {
      subscription = subscriptions.find(t.subscription());
      subscription.ifPresentOrElse(
          s -> lastKnown.put(s.name(), s), () -> lastKnown.remove(t.subscription()));
    } catch (RuntimeException e) {
      subscription = Optional.ofNullable(lastKnown.get(t.subscription()));
      if (subscription.isEmpty()) {
        LOG.warning(
            "notifications: could not read subscription "
                + t.subscription()
                + ", trying again in "
                + retry.initial()
                + ": "
                + e.getMessage());
        synchronized (this) {
          submit(() -> attempt(lane), retry.initial());
        }
        return;
      }
    }
    Transmission next = outcome(t, subscription);
    try {
      transmissions.save(next);
    } catch (RuntimeException e) {
      LOG.warning(
          "notifications: could not record attempt "
              + next.attempts()
              + " of transmission "
              + t.id()
              + " ("
              + next.status()
              + "); it goes on from memory, and a restart before it is recorded sends it again: "
              + e.getMessage());
    }
    if (!next.status().open()) {
      log(next);
    }
    synchronized (this) {
      lane.waiting.remove(t);
      if (next.status().open()) {
        lane.waiting.add(next);
      } else {
        queued.remove(t.id());
      }
      if (lane.waiting.isEmpty()) {
        lane.busy = false;
        lanes.remove(lane.key);
      } else {
        scheduleHead(lane);
      }
    }
  }

  /** Sends {@code t} once and answers its next state. */
  private Transmission outcome(Transmission t, Optional<Subscription> subscription) {
    Instant now = clock.instant();
    if (subscription.isEmpty()) {
      return t.failed(now, "not sent: subscription " + t.subscription() + " was deleted");
    }
    ChannelSender sender = senders.get(t.channel().type());
    if (sender == null) {
      return t.failed(now, "not sent: no sender for " + t.channel().type() + " channels");
    }
    SendResult result;
    try {
      result = sender.send(t, subscription.get());
    } catch (RuntimeException e) {
      result = SendResult.failed("not sent: " + e);
    }
    if (result.delivered()) {
      return t.sent(now, result.response());
    }
    int attempts = t.attempts() + 1;
    if (retry.exhausted(attempts)) {
      return t.failed(now, result.response());
    }
    return t.resending(now, result.response(), clock.instant().plus(retry.delayAfter(attempts)));
  }

  private static void log(Transmission t) {
    if (t.status() == TransmissionStatus.FAILED) {
      LOG.warning(
          () ->
              "notifications: gave up on transmission "
                  + t.id()
                  + " of "
                  + t.event().code()
                  + " of alert "
                  + t.alert().id()
                  + " to "
                  + t.subscription()
                  + " ("
                  + t.channel().type()
                  + ") after "
                  + t.attempts()
                  + " attempt(s): "
                  + t.records().get(t.records().size() - 1).response());
    }
  }
}
