package dev.setpoint.relay.application;

import dev.setpoint.contracts.buffer.BufferedEvent;
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
 * One round of store-and-forward over the edge buffer's batch log: read the window after the
 * relay's cursor, publish each event, and move the cursor past the window in one write only after
 * the broker acknowledged all of it. A window with a failed send leaves the cursor where it was,
 * and the whole window is sent again in a later round, in the same order; the event id travels with
 * each event, so the stores downstream deduplicate, and each device's order holds.
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
  private final AtomicLong skippedGaps = new AtomicLong();

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
   * One drain of the buffer: windows after the cursor, oldest first, until one is short or the
   * round's limit is reached. Of the first window the oldest event goes first, alone, as a probe,
   * and the rest only once the broker acknowledged it, so that a broker outage costs one failed
   * send per round rather than a whole window of them. Acknowledgements only complete futures (they
   * arrive on the producer's network thread); the cursor moves here afterwards. The drain ends at
   * the first window with a failure, so the next round starts with a probe again.
   *
   * @return how many events the broker acknowledged and the cursor passed
   */
  public int forwardOnce() {
    lastRoundFailed = false;
    int forwarded = 0;
    boolean first = true;
    while (forwarded < maxEventsPerRound) {
      PendingEvents.Window window = buffer.next(batchSize);
      skippedGaps.addAndGet(window.skippedGaps());
      if (window.events().isEmpty()) {
        if (first) {
          oldestReceivedAt = OptionalLong.empty();
        }
        // Only gaps, or nothing: pass the gaps, nothing to send.
        buffer.advance(window, clock.millis());
        break;
      }
      oldestReceivedAt = window.oldestStoredAtMillis();
      List<BufferedEvent> events = window.events();
      OutdoorEnricher enricher = new OutdoorEnricher(weather, sites);
      Sent sent;
      if (first) {
        sent = send(events.subList(0, 1), enricher);
        if (sent.allAcknowledged() && events.size() > 1) {
          sent = sent.plus(send(events.subList(1, events.size()), enricher));
        }
        first = false;
      } else {
        sent = send(events, enricher);
      }
      if (!sent.allAcknowledged()) {
        lastRoundFailed = true;
        break;
      }
      buffer.advance(window, clock.millis());
      forwarded += sent.forwarded();
      forwardedTotal.addAndGet(sent.forwarded());
      if (events.size() < batchSize) {
        break;
      }
    }
    return forwarded;
  }

  /** What a send came to: events acknowledged (or done), and whether the broker took every one. */
  private record Sent(int forwarded, boolean allAcknowledged) {
    Sent plus(Sent more) {
      return new Sent(forwarded + more.forwarded, allAcknowledged && more.allAcknowledged);
    }
  }

  /** Gaps in the log's sequence the drain passed over since start (writes that failed). */
  public long skippedGapsTotal() {
    return skippedGaps.get();
  }

  /** Events forwarded by this service, counted window by window as the cursor passes them. */
  public long forwardedTotal() {
    return forwardedTotal.get();
  }

  /** Whether the last round ended because the broker did not acknowledge an event. */
  public boolean lastRoundFailed() {
    return lastRoundFailed;
  }

  /**
   * When ingest stored the oldest batch of the last round's first window, empty when it found none:
   * the backlog's oldest (the window starts at the cursor), known without another read.
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
        buffer.reject(event, "cannot be mapped to a telemetry message: " + e.getMessage());
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
                        "event {0} of {1} not acknowledged by the broker; its window is sent again: {2}",
                        new Object[] {event.id(), event.deviceName(), failure.getMessage()});
                    return false;
                  }));
    }
    List<Boolean> acknowledged = awaitAll(sends);
    int done = 0;
    boolean allAcknowledged = true;
    for (int i = 0; i < events.size(); i++) {
      if (rejected.contains(events.get(i).id())) {
        continue; // set aside for good; it holds nothing back
      }
      if (acknowledged.get(i)) {
        done++;
      } else {
        allAcknowledged = false;
      }
    }
    return new Sent(done, allAcknowledged);
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
        LOG.fine("broker acknowledgement timed out; the window is sent again");
      } catch (ExecutionException e) {
        LOG.log(
            Level.WARNING, "a send failed unexpectedly; the window is sent again", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      acknowledged.add(ok);
    }
    return acknowledged;
  }
}
