package dev.setpoint.ingest.application;

import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditCodec;
import dev.setpoint.contracts.audit.AuditKind;
import dev.setpoint.contracts.audit.AuditRecorder;
import dev.setpoint.ingest.config.AuditConfig;
import dev.setpoint.ingest.domain.Outbox;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Ingest's side of the audit trail: every change made through ingest (metadata, device tokens,
 * operators' commands and holds, logins and users) becomes an {@link AuditRecord} in the edge's
 * {@link Outbox}, which the relay forwards to the cloud's audit like telemetry, buffered while the
 * link is down.
 *
 * <p>A record is written right after its change, by the service that made it (it knows the state
 * before and after). The outbox lives in the same MongoDB as what changed, so it is reachable when
 * the change was; should it fail anyway, the change stands (it was made and answered) and the whole
 * record is logged at SEVERE ({@link AuditRecorder}), so it is not lost without a trace.
 */
@ApplicationScoped
public class AuditTrail {
  /** Longest user name a failed login is recorded with; what is longer is cut. */
  static final int MAX_LOGIN_NAME = 128;

  private final Outbox outbox;
  private final AuditRecorder recorder;

  @Inject
  public AuditTrail(Outbox outbox, AuditConfig config) {
    this(outbox, config.site.orElse(null), Clock.systemUTC());
  }

  /**
   * @param site the hub's site, or null
   */
  public AuditTrail(Outbox outbox, String site, Clock clock) {
    this.outbox = outbox;
    this.recorder = new AuditRecorder(AuditCodec.origin("ingest", site), clock);
  }

  /** For CDI's proxy only. */
  protected AuditTrail() {
    this.outbox = null;
    this.recorder = null;
  }

  /** Records a change {@code who} made. */
  public void record(AuditActor who, AuditChange change) {
    recorder.record(who, change, r -> outbox.append(recorder.codec().outboxMessage(r)));
  }

  /**
   * Records a login attempt at the local issuer.
   *
   * @param user the user name given (cut to {@value #MAX_LOGIN_NAME} characters)
   * @param role the role the login was granted, or null for a failed one
   * @param address the client's address
   */
  public void login(String user, String role, String address, boolean success) {
    String name = user == null || user.isBlank() ? "(none)" : user.strip();
    if (name.length() > MAX_LOGIN_NAME) {
      name = name.substring(0, MAX_LOGIN_NAME);
    }
    record(
        new AuditActor(name, success ? role : null, address),
        AuditChange.of(AuditKind.LOGIN, success ? AuditAction.SUCCESS : AuditAction.FAILURE, name));
  }

  /**
   * Records a change of a user of the local issuer (created, role changed, disabled, password
   * reset, deleted). The states must hold no password or hash.
   *
   * @param action {@link AuditAction#CREATE}, {@link AuditAction#UPDATE} or {@link
   *     AuditAction#DELETE}
   */
  public void user(AuditActor admin, String action, String user, Object before, Object after) {
    record(admin, AuditChange.of(AuditKind.USER, action, user).withBefore(before).withAfter(after));
  }

  @PreDestroy
  void close() {
    recorder.close();
  }
}
