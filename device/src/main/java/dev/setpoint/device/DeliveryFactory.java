package dev.setpoint.device;

import dev.setpoint.device.buffer.Backoff;
import dev.setpoint.device.buffer.EventJournal;
import dev.setpoint.device.buffer.Outbox;
import dev.setpoint.device.config.BackoffConfig;
import dev.setpoint.device.edge.IngestClient;
import dev.setpoint.device.edge.TokenStore;
import java.io.IOException;
import java.time.Clock;
import java.util.logging.Logger;

/**
 * Each device's store and forward: its journal in the state directory, bounded by {@code
 * buffer.max-events}, and the outbox that posts to ingest with the device's own token and waits out
 * the backoff when ingest is away.
 */
record DeliveryFactory(
    StateDirectory state,
    int maxEvents,
    BackoffConfig backoff,
    IngestClient ingest,
    TokenStore tokens,
    Clock clock,
    Resources resources) {
  private static final Logger LOG = Logger.getLogger(Agents.class.getName());

  /** Opens (and replays) the device's journal and gives it an outbox of its own. */
  Outbox outbox(String device) throws IOException {
    EventJournal journal = resources.add(new EventJournal(state.journal(device), maxEvents));
    if (journal.size() > 0) {
      LOG.info(() -> device + ": " + journal.size() + " buffered events to resend");
    }
    return new Outbox(
        journal,
        event -> ingest.post(event, tokens.get(event.device()).orElse(null)),
        new Backoff(backoff.initial(), backoff.max()),
        clock);
  }
}
