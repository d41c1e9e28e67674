package dev.setpoint.analytics.application.notify;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.notify.AdminState;
import dev.setpoint.analytics.domain.notify.Channel;
import dev.setpoint.analytics.domain.notify.ChannelSender;
import dev.setpoint.analytics.domain.notify.ChannelType;
import dev.setpoint.analytics.domain.notify.SendResult;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.Transmission;
import dev.setpoint.analytics.domain.notify.TransmissionPage;
import dev.setpoint.analytics.domain.notify.TransmissionQuery;
import dev.setpoint.analytics.domain.notify.TransmissionRecord;
import dev.setpoint.analytics.domain.notify.TransmissionStatus;
import dev.setpoint.analytics.domain.notify.WebhookChannel;
import dev.setpoint.analytics.domain.notify.WebhookFormat;
import dev.setpoint.contracts.alert.Severity;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The notifier on in-memory stores and fake senders, on a real scheduler: recorded before sent,
 * sent apart from the caller, retried with backoff to a dead letter, one channel's trouble kept to
 * that channel, and what was open sent again after a restart.
 */
class NotificationsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** A sender whose answer per target and attempt the test decides; it notes every call. */
  static final class FakeSender implements ChannelSender {
    final List<Transmission> calls = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Instant> lastCall = new ConcurrentHashMap<>();
    volatile BiFunction<Transmission, Integer, SendResult> answer =
        (t, attempt) -> SendResult.delivered("HTTP 200");

    @Override
    public SendResult send(Transmission t, Subscription s) {
      calls.add(t);
      lastCall.put(t.channel().target(), Instant.now());
      return answer.apply(t, t.attempts() + 1);
    }

    List<AlertEvent> events(String target) {
      synchronized (calls) {
        return calls.stream()
            .filter(t -> t.channel().target().equals(target))
            .map(Transmission::event)
            .toList();
      }
    }
  }

  private final InMemorySubscriptionStore subscriptions = new InMemorySubscriptionStore();
  private final InMemoryTransmissionStore transmissions = new InMemoryTransmissionStore();
  private final FakeSender sender = new FakeSender();
  private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(4);
  private final List<Notifications> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Notifications::stop);
    executor.shutdownNow();
  }

  private Notifications notifications(RetryPolicy retry) {
    Notifications n =
        new Notifications(
            subscriptions,
            transmissions,
            Map.of(ChannelType.REST, sender),
            executor,
            retry,
            Clock.systemUTC());
    started.add(n);
    return n;
  }

  private Notifications notifications() {
    return notifications(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(100)));
  }

  static WebhookChannel hook(String name) {
    return new WebhookChannel(
        URI.create("https://" + name + ".example.com/hook"), WebhookFormat.JSON);
  }

  static Subscription subscription(String name, Set<Severity> severities, Channel... channels) {
    return new Subscription(
        name,
        null,
        null,
        List.of(channels),
        severities,
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        AdminState.UNLOCKED,
        "secret-" + name,
        Alerts.T0,
        Alerts.T0,
        null);
  }

  private Transmission only() {
    List<Transmission> latest = transmissions.latest();
    assertEquals(1, latest.size(), latest.toString());
    return latest.get(0);
  }

  @Test
  void eachMatchingChannelGetsATransmissionRecordedBeforeItIsSent() {
    subscriptions.save(subscription("ops", Set.of(), hook("a"), hook("b")));
    subscriptions.save(subscription("warnings", Set.of(Severity.WARNING), hook("c")));
    List<List<TransmissionStatus>> storedAtSend = Collections.synchronizedList(new ArrayList<>());
    sender.answer =
        (t, attempt) -> {
          storedAtSend.add(transmissions.statuses(t.id()));
          return SendResult.delivered("HTTP 204");
        };

    notifications().notify(Alerts.hot(), AlertEvent.RAISED);

    await()
        .atMost(WAIT)
        .until(
            () ->
                transmissions.latest().size() == 2
                    && transmissions.latest().stream()
                        .allMatch(t -> t.status() == TransmissionStatus.SENT));
    assertEquals(
        List.of(List.of(TransmissionStatus.PENDING), List.of(TransmissionStatus.PENDING)),
        storedAtSend,
        "each was stored PENDING when it was sent");
    assertEquals(
        Set.of("ops"),
        Set.copyOf(transmissions.latest().stream().map(Transmission::subscription).toList()),
        "the warnings-only subscription does not take a critical alert");
    Transmission t = transmissions.latest().get(0);
    assertEquals(
        List.of(TransmissionStatus.PENDING, TransmissionStatus.SENT),
        transmissions.statuses(t.id()));
    assertEquals("HTTP 204", t.records().get(0).response());
    assertEquals(
        t.notificationId(), transmissions.latest().get(1).notificationId(), "one notification");
  }

  @Test
  void aFailingReceiverIsTriedAgainWithBackoffAndThenDeadLettered() {
    subscriptions.save(subscription("ops", Set.of(), hook("a")));
    List<Instant> attempts = Collections.synchronizedList(new ArrayList<>());
    sender.answer =
        (t, attempt) -> {
          attempts.add(Instant.now());
          return SendResult.failed("HTTP 500");
        };
    Notifications n =
        notifications(new RetryPolicy(3, Duration.ofMillis(200), Duration.ofMillis(300)));

    n.notify(Alerts.hot(), AlertEvent.RAISED);

    await().atMost(WAIT).until(() -> only().status() == TransmissionStatus.FAILED);
    Transmission dead = only();
    assertEquals(
        List.of(
            TransmissionStatus.PENDING,
            TransmissionStatus.RESENDING,
            TransmissionStatus.RESENDING,
            TransmissionStatus.FAILED),
        transmissions.statuses(dead.id()));
    assertEquals(3, dead.attempts());
    assertEquals(2, dead.resendCount());
    assertEquals(
        List.of("HTTP 500", "HTTP 500", "HTTP 500"),
        dead.records().stream().map(TransmissionRecord::response).toList());
    assertTrue(
        Duration.between(attempts.get(0), attempts.get(1)).toMillis() >= 190,
        "first wait " + Duration.between(attempts.get(0), attempts.get(1)));
    assertTrue(
        Duration.between(attempts.get(1), attempts.get(2)).toMillis() >= 290,
        "second wait (doubled, capped) " + Duration.between(attempts.get(1), attempts.get(2)));
    assertEquals(0, n.unsent());
    TransmissionPage failed =
        n.transmissions(new TransmissionQuery(TransmissionStatus.FAILED, null, 0, 10));
    assertEquals(List.of(dead), failed.transmissions());
  }

  @Test
  void aReceiverThatRecoversGetsTheTransmissionOnALaterAttempt() {
    subscriptions.save(subscription("ops", Set.of(), hook("a")));
    sender.answer =
        (t, attempt) ->
            attempt == 1 ? SendResult.failed("HTTP 500") : SendResult.delivered("HTTP 200");

    notifications().notify(Alerts.hot(), AlertEvent.RAISED);

    await().atMost(WAIT).until(() -> only().status() == TransmissionStatus.SENT);
    assertEquals(
        List.of("HTTP 500", "HTTP 200"),
        only().records().stream().map(TransmissionRecord::response).toList());
  }

  @Test
  void aHangingChannelDelaysOnlyItselfAndTheCallerNotAtAll() throws Exception {
    subscriptions.save(subscription("ops", Set.of(), hook("hangs"), hook("fine")));
    CountDownLatch release = new CountDownLatch(1);
    sender.answer =
        (t, attempt) -> {
          if (t.channel().target().contains("hangs")) {
            try {
              release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return SendResult.failed("no answer within PT10S");
          }
          return SendResult.delivered("HTTP 200");
        };
    Notifications n = notifications();

    long start = System.nanoTime();
    n.notify(Alerts.hot(), AlertEvent.RAISED);
    n.notify(
        Alerts.hot().cleared("back in the envelope", Alerts.T0.plusSeconds(600)),
        AlertEvent.CLEARED);
    assertTrue(
        System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(200), "notify returns at once");

    String fine = hook("fine").target();
    await().atMost(WAIT).until(() -> sender.events(fine).size() == 2);
    assertEquals(List.of(AlertEvent.RAISED, AlertEvent.CLEARED), sender.events(fine));
    assertEquals(
        List.of(AlertEvent.RAISED),
        sender.events(hook("hangs").target()),
        "the hanging channel is still on its first transmission");
    release.countDown();
  }

  @Test
  void aChannelsTransmissionsGoInOrderEvenWhenTheFirstIsRetried() {
    subscriptions.save(subscription("ops", Set.of(), hook("a")));
    sender.answer =
        (t, attempt) ->
            t.event() == AlertEvent.RAISED && attempt == 1
                ? SendResult.failed("HTTP 503")
                : SendResult.delivered("HTTP 200");
    Notifications n = notifications();

    n.notify(Alerts.hot(), AlertEvent.RAISED);
    n.notify(Alerts.hot(), AlertEvent.ESCALATED);

    await()
        .atMost(WAIT)
        .until(
            () ->
                transmissions.latest().size() == 2
                    && transmissions.latest().stream()
                        .allMatch(t -> t.status() == TransmissionStatus.SENT));
    assertEquals(
        List.of(AlertEvent.RAISED, AlertEvent.RAISED, AlertEvent.ESCALATED),
        sender.events(hook("a").target()));
  }

  @Test
  void eventsWaitInMemoryWhileTheStoreIsDownAndAreRecordedWhenItIsBack() {
    subscriptions.save(subscription("ops", Set.of(), hook("a")));
    transmissions.down = true;
    Notifications n = notifications();

    n.notify(Alerts.hot(), AlertEvent.RAISED);
    n.notify(Alerts.hot(), AlertEvent.REMINDER);

    await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> n.unrecorded() == 2);
    assertEquals(List.of(), sender.calls, "nothing is sent before it is recorded");

    transmissions.down = false;
    await()
        .atMost(WAIT)
        .until(
            () ->
                transmissions.latest().size() == 2
                    && transmissions.latest().stream()
                        .allMatch(t -> t.status() == TransmissionStatus.SENT));
    assertEquals(0, n.unrecorded());
    assertEquals(
        List.of(AlertEvent.RAISED, AlertEvent.REMINDER), sender.events(hook("a").target()));
  }

  @Test
  void notifyDoesNotWaitForAStoreThatHangs() {
    subscriptions.save(subscription("ops", Set.of(), hook("a")));
    CountDownLatch storeHangs = new CountDownLatch(1);
    subscriptions.hold = storeHangs;
    Notifications n = notifications();

    long start = System.nanoTime();
    for (int i = 0; i < 100; i++) {
      n.notify(Alerts.hot(), AlertEvent.REMINDER);
    }
    assertTrue(
        System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500),
        "100 notify calls while the store hangs");
    subscriptions.hold = null;
    storeHangs.countDown();
    await()
        .atMost(WAIT)
        .until(
            () ->
                transmissions.latest().size() == 100
                    && transmissions.latest().stream()
                        .allMatch(t -> t.status() == TransmissionStatus.SENT));
  }

  @Test
  void aRestartSendsWhatWasRecordedAndNotYetSent() {
    subscriptions.save(subscription("ops", Set.of(), hook("a")));
    Alert alert = Alerts.hot();
    Transmission neverTried =
        Transmission.pending("n1", "ops", hook("a"), alert, AlertEvent.RAISED, Alerts.T0);
    Transmission failedOnce =
        Transmission.pending(
                "n2", "ops", hook("a"), alert, AlertEvent.ESCALATED, Alerts.T0.plusSeconds(60))
            .resending(Alerts.T0.plusSeconds(61), "HTTP 500", Alerts.T0.plusSeconds(91));
    Transmission done =
        Transmission.pending(
                "n0", "ops", hook("a"), alert, AlertEvent.RAISED, Alerts.T0.minusSeconds(60))
            .sent(Alerts.T0.minusSeconds(59), "HTTP 200");
    transmissions.save(neverTried);
    transmissions.save(failedOnce);
    transmissions.save(done);

    notifications().start();

    await()
        .atMost(WAIT)
        .until(
            () ->
                transmissions.latest().stream()
                    .allMatch(t -> t.status() == TransmissionStatus.SENT));
    assertEquals(
        List.of(AlertEvent.RAISED, AlertEvent.ESCALATED),
        sender.events(hook("a").target()),
        "the open ones, oldest first; the sent one not again");
    assertEquals(2, transmissions.latest().get(1).attempts());
  }

  @Test
  void aTransmissionWhoseSubscriptionWasDeletedIsGivenUp() {
    transmissions.save(
        Transmission.pending("n1", "gone", hook("a"), Alerts.hot(), AlertEvent.RAISED, Alerts.T0));

    notifications().start();

    await().atMost(WAIT).until(() -> only().status() == TransmissionStatus.FAILED);
    assertTrue(only().records().get(0).response().contains("deleted"), only().toString());
    assertEquals(List.of(), sender.calls);
  }

  @Test
  void aSenderThatThrowsIsAFailedAttempt() {
    subscriptions.save(subscription("ops", Set.of(), hook("a")));
    sender.answer =
        (t, attempt) -> {
          throw new IllegalStateException("boom");
        };

    notifications().notify(Alerts.hot(), AlertEvent.RAISED);

    await().atMost(WAIT).until(() -> only().status() == TransmissionStatus.FAILED);
    assertEquals(3, only().attempts());
    assertTrue(only().records().get(0).response().contains("boom"));
  }
}
