package dev.setpoint.relay.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
import dev.setpoint.contracts.buffer.EventState;
import dev.setpoint.contracts.telemetry.TelemetryMessage;
import dev.setpoint.relay.config.ForwardingConfig;
import dev.setpoint.relay.domain.PendingEvents;
import dev.setpoint.relay.domain.Site;
import dev.setpoint.relay.domain.Sites;
import dev.setpoint.relay.domain.TelemetryPublisher;
import dev.setpoint.relay.domain.WeatherProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One round of store-and-forward: read the oldest PENDING events, publish each, and mark an event
 * FORWARDED only after the broker acknowledged it. An event whose send failed stays PENDING and is
 * sent again in a later round; the event id travels with it, so the stores downstream deduplicate.
 */
@ApplicationScoped
public class ForwardingService {
  private static final Logger LOG = Logger.getLogger(ForwardingService.class.getName());

  private final PendingEvents buffer;
  private final TelemetryPublisher publisher;
  private final WeatherProvider weather;
  private final Sites sites;
  private final Clock clock;
  private final int batchSize;
  private final Duration ackTimeout;
  private final int maxEventsPerRound;
  private volatile OptionalLong oldestReceivedAt = OptionalLong.empty();
  private volatile boolean lastRoundFailed;
  private final AtomicLong forwardedTotal = new AtomicLong();

  @Inject
  public ForwardingService(
      PendingEvents buffer,
      TelemetryPublisher publisher,
      WeatherProvider weather,
      Sites sites,
      ForwardingConfig config) {
    this(
        buffer,
        publisher,
        weather,
        sites,
        Clock.systemUTC(),
        config.batchSize,
        config.ackTimeout,
        config.maxEventsPerRound);
  }

  public ForwardingService(
      PendingEvents buffer,
      TelemetryPublisher publisher,
      WeatherProvider weather,
      Sites sites,
      Clock clock,
      int batchSize,
      Duration ackTimeout,
      int maxEventsPerRound) {
    this.buffer = buffer;
    this.publisher = publisher;
    this.weather = weather;
    this.sites = sites;
    this.clock = clock;
    this.batchSize = batchSize;
    this.ackTimeout = ackTimeout;
    this.maxEventsPerRound = maxEventsPerRound;
  }

  /** For CDI's proxy only. */
  protected ForwardingService() {
    this(null, null, null, null, null, 0, null, 0);
  }

  /**
   * One drain of the buffer: the events PENDING now, oldest origin first, a batch at a time. Of the
   * first batch the oldest event goes first, alone, as a probe, and the rest only once the broker
   * acknowledged it, so that a broker outage costs one failed send per round rather than a whole
   * batch of them. Acknowledgements only complete futures (they arrive on the producer's network
   * thread); marking FORWARDED happens here afterwards, a batch in one round trip. Per device only
   * the acknowledged prefix is marked: after a device's first failure its later events stay PENDING
   * too, so they are sent again after it and the device's order holds; and the drain ends at the
   * first batch with a failure, so the next round starts with a probe again. A drain also ends
   * after {@code maxEventsPerRound}, so a huge backlog is read in bounded portions.
   *
   * @return how many events were marked FORWARDED
   */
  public int forwardOnce() {
    lastRoundFailed = false;
    int forwarded = 0;
    try (PendingEvents.Drain drain = buffer.drain()) {
      boolean first = true;
      while (forwarded < maxEventsPerRound) {
        List<BufferedEvent> batch = drain.next(batchSize);
        if (batch.isEmpty()) {
          if (first) {
            oldestReceivedAt = OptionalLong.empty();
          }
          break;
        }
        // Oldest origin first, so this batch's oldest is about the backlog's oldest.
        oldestReceivedAt = batch.stream().mapToLong(BufferedEvent::receivedAt).min();
        OutdoorEnricher enricher = new OutdoorEnricher(weather, sites);
        Sent sent;
        if (first) {
          sent = send(batch.subList(0, 1), enricher);
          if (sent.allAcknowledged() && batch.size() > 1) {
            sent = sent.plus(send(batch.subList(1, batch.size()), enricher));
          }
          first = false;
        } else {
          sent = send(batch, enricher);
        }
        forwarded += sent.forwarded();
        lastRoundFailed = !sent.allAcknowledged();
        if (lastRoundFailed || batch.size() < batchSize) {
          break;
        }
      }
    }
    return forwarded;
  }

  /** What a send came to: events marked FORWARDED, and whether the broker took every one. */
  private record Sent(int forwarded, boolean allAcknowledged) {
    Sent plus(Sent more) {
      return new Sent(forwarded + more.forwarded, allAcknowledged && more.allAcknowledged);
    }
  }

  /** Events marked FORWARDED by this service, counted batch by batch as they are marked. */
  public long forwardedTotal() {
    return forwardedTotal.get();
  }

  /** Whether the last round ended because the broker did not acknowledge an event. */
  public boolean lastRoundFailed() {
    return lastRoundFailed;
  }

  /**
   * When ingest stored the longest-waiting event of the last round's read, empty when it found none
   * PENDING. The read is the oldest events by origin, so this is the backlog's oldest event (up to
   * clock differences between devices), known without another scan of the buffer.
   */
  public OptionalLong oldestReceivedAt() {
    return oldestReceivedAt;
  }

  private Sent send(List<BufferedEvent> events, OutdoorEnricher enricher) {
    List<CompletableFuture<Boolean>> sends = new ArrayList<>(events.size());
    Set<String> rejected = new HashSet<>();
    for (BufferedEvent event : events) {
      Optional<TelemetryMessage> message;
      try {
        Site site = enricher.site(event);
        message =
            TelemetryMapper.toMessage(
                event,
                site.name(),
                enricher.outdoor(site, Instant.ofEpochSecond(0, event.origin())).orElse(null));
      } catch (RuntimeException e) {
        LOG.log(
            Level.SEVERE,
            "event " + event.id() + " breaks the buffer's schema and can never be sent; REJECTED",
            e);
        buffer.markRejected(event);
        rejected.add(event.id());
        sends.add(CompletableFuture.completedFuture(false));
        continue;
      }
      if (message.isEmpty()) {
        // Nothing for the time-series store; the event is done as far as the cloud goes.
        sends.add(CompletableFuture.completedFuture(true));
        continue;
      }
      sends.add(
          publisher
              .publish(message.get())
              .toCompletableFuture()
              .thenApply(ignored -> true)
              .exceptionally(
                  failure -> {
                    LOG.log(
                        Level.WARNING,
                        "event {0} of {1} not acknowledged by the broker, kept PENDING: {2}",
                        new Object[] {event.id(), event.deviceName(), failure.getMessage()});
                    return false;
                  }));
    }
    List<Boolean> acknowledged = awaitAll(sends);
    Set<String> stopped = new HashSet<>();
    List<String> forwarded = new ArrayList<>(events.size());
    boolean allAcknowledged = true;
    for (int i = 0; i < events.size(); i++) {
      BufferedEvent event = events.get(i);
      if (event.state() != EventState.PENDING || rejected.contains(event.id())) {
        continue; // set aside for good; it holds nothing back
      }
      if (!acknowledged.get(i)) {
        allAcknowledged = false;
        stopped.add(event.deviceName());
      } else if (!stopped.contains(event.deviceName())) {
        forwarded.add(event.id());
      }
    }
    buffer.markForwarded(forwarded, clock.millis());
    forwardedTotal.addAndGet(forwarded.size());
    return new Sent(forwarded.size(), allAcknowledged);
  }

  /**
   * Whether each send was acknowledged before the deadline, in batch order; a send still open at
   * the deadline counts as not acknowledged.
   */
  private List<Boolean> awaitAll(List<CompletableFuture<Boolean>> sends) {
    List<Boolean> acknowledged = new ArrayList<>(sends.size());
    long deadline = System.nanoTime() + ackTimeout.toNanos();
    for (CompletableFuture<Boolean> send : sends) {
      boolean ok = false;
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        ok = send.get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        LOG.fine("broker acknowledgement timed out; the event stays PENDING");
      } catch (ExecutionException e) {
        LOG.log(Level.WARNING, "a send failed unexpectedly; the event stays PENDING", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      acknowledged.add(ok);
    }
    return acknowledged;
  }
}
