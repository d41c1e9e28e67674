package dev.setpoint.analytics.infrastructure.messaging;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.application.audit.TokenDenylist;
import dev.setpoint.contracts.audit.AuditCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;
import java.util.logging.Logger;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumes {@link dev.setpoint.contracts.telemetry.Topics#AUDIT} (read by {@link KafkaLoops}): the
 * edge's audit records (ingest's and the relay's, forwarded from the edge outbox), decoded with
 * {@link AuditCodec} and stored once each by the {@link AuditTrail}. A payload that is not a valid
 * record can never be stored, so it is logged and acknowledged rather than blocking the partition
 * behind it; any other record is acknowledged (its offset committable) only once stored, or found
 * stored before. A record that revokes operator tokens is handed to the {@link TokenDenylist} as
 * well.
 */
@ApplicationScoped
public class AuditConsumer {
  private static final Logger LOG = Logger.getLogger(AuditConsumer.class.getName());

  private final AuditTrail trail;
  private final TokenDenylist denylist;
  private final AuditCodec codec = new AuditCodec();
  private volatile boolean running = true;

  @Inject
  public AuditConsumer(AuditTrail trail, TokenDenylist denylist) {
    this.trail = trail;
    this.denylist = denylist;
  }

  /** For CDI's proxy only. */
  protected AuditConsumer() {
    this.trail = null;
    this.denylist = null;
  }

  public CompletionStage<Void> consume(Message<String> message) {
    return Deliveries.consume(
        message,
        codec::decode,
        e -> LOG.warning("skipping an audit message that can never be stored: " + e.getMessage()),
        record -> {
          trail.accept(record, () -> running);
          denylist.accept(record); // a revocation (kind token) holds from now on
        });
  }

  @PreDestroy
  void stop() {
    running = false;
    codec.close();
  }
}
