package dev.setpoint.device.buffer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Delivers a device's events in order, each once. While nothing is buffered an event is posted at
 * once; if that fails it goes into the {@link EventJournal}, and from then on every new event goes
 * behind it, so order is kept. {@link #flush} resends the journal from its head, waiting out a
 * {@link Backoff} after each failed attempt, and never sooner than ingest's {@code Retry-After}
 * (429 over the device's rate, 507 at its cap of unforwarded events, 503). Resending posts the same
 * body (the same event id), so a 409 means an earlier attempt was stored after all: delivered. A
 * 400 or another refusal for good ({@link Delivery#REJECTED}) is dropped and logged. Not
 * thread-safe: one device's loop owns it.
 */
public final class Outbox {
  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

  private final EventJournal journal;
  private final EventSender sender;
  private final Backoff backoff;
  private final Clock clock;
  private Instant nextAttempt = Instant.MIN;
  private long delivered;
  private long rejected;

  public Outbox(EventJournal journal, EventSender sender, Backoff backoff, Clock clock) {
    this.journal = journal;
    this.sender = sender;
    this.backoff = backoff;
    this.clock = clock;
  }

  /** Posts the event now, or buffers it durably behind those already waiting. */
  public void submit(String device, String path, String body) {
    if (journal.isEmpty()) {
      PendingEvent event = new PendingEvent(0, device, path, body);
      Attempt attempt = sender.send(event);
      if (attempt.delivery() != Delivery.RETRY) {
        settle(event, attempt.delivery());
        backoff.succeeded();
        return;
      }
      journal.append(device, path, body);
      retryLater(attempt);
    } else {
      journal.append(device, path, body);
    }
  }

  /**
   * Resends buffered events, oldest first, until the journal is empty, an attempt fails (then waits
   * out the backoff) or the deadline passes.
   *
   * @return how many were delivered or settled
   */
  public int flush(Instant deadline) {
    int settled = 0;
    while (!journal.isEmpty()) {
      Instant now = clock.instant();
      if (now.isBefore(nextAttempt) || now.isAfter(deadline)) {
        break;
      }
      PendingEvent head = journal.head().orElseThrow();
      Attempt attempt = sender.send(head);
      if (attempt.delivery() == Delivery.RETRY) {
        retryLater(attempt);
        break;
      }
      backoff.succeeded();
      settle(head, attempt.delivery());
      journal.removeHead();
      settled++;
    }
    return settled;
  }

  private void settle(PendingEvent event, Delivery outcome) {
    if (outcome.delivered()) {
      delivered++;
    } else {
      rejected++;
      LOG.warning(
          () ->
              event.device()
                  + ": ingest refused event "
                  + event.seq()
                  + " for good; dropped: "
                  + event.body());
    }
  }

  /** The next try after the backoff, and no sooner than ingest asked. */
  private void retryLater(Attempt attempt) {
    Duration wait = backoff.failed();
    if (attempt.retryAfter().compareTo(wait) > 0) {
      wait = attempt.retryAfter();
    }
    nextAttempt = clock.instant().plus(wait);
    LOG.fine(() -> "ingest unavailable; " + journal.size() + " buffered, next try " + nextAttempt);
  }

  /** When the next resend may happen; {@link Instant#MIN} when not waiting. */
  public Instant nextAttempt() {
    return journal.isEmpty() ? Instant.MIN : nextAttempt;
  }

  public int buffered() {
    return journal.size();
  }

  public long delivered() {
    return delivered;
  }

  public long rejected() {
    return rejected;
  }
}
