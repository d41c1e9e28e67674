package dev.setpoint.ingest.application;

import dev.setpoint.contracts.audit.AuditActor;
import dev.setpoint.contracts.security.RevocationList;
import dev.setpoint.contracts.security.TokenRevocation;
import dev.setpoint.ingest.config.LocalIssuerConfig;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.domain.TokenSessions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Revocation of the local issuer's operator tokens: on logout one access token and its session, on
 * a password reset, a disabled user or a lesser role every token of the user. A revocation is
 * stored (it outlives a restart), obeyed here at once, and audited, which carries it through the
 * edge outbox, the relay and Kafka to analytics, whose access filter obeys it too. Refresh tokens
 * of what is revoked are deleted, so no new access token follows.
 *
 * <p>An entry is kept until no token it names can still be valid (the access-token lifetime after
 * it was made), so the list never grows beyond one entry per logout or reset in that time.
 */
@ApplicationScoped
public class TokenRevocations {
  private static final Logger LOG = Logger.getLogger(TokenRevocations.class.getName());

  private final TokenSessions sessions;
  private final AuditTrail audit;
  private final Duration accessLifetime;
  private final Clock clock;
  private final RevocationList list = new RevocationList();
  private volatile boolean loaded;

  @Inject
  public TokenRevocations(TokenSessions sessions, AuditTrail audit, LocalIssuerConfig config) {
    this(sessions, audit, config.tokenLifetime, Clock.systemUTC());
  }

  public TokenRevocations(
      TokenSessions sessions, AuditTrail audit, Duration accessLifetime, Clock clock) {
    this.sessions = sessions;
    this.audit = audit;
    this.accessLifetime = accessLifetime;
    this.clock = clock;
  }

  /** For CDI's proxy only. */
  protected TokenRevocations() {
    this.sessions = null;
    this.audit = null;
    this.accessLifetime = null;
    this.clock = null;
  }

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    load();
  }

  /**
   * Revokes one access token and its session (logout): the session's refresh tokens are deleted.
   *
   * @param expiresAt the access token's {@code exp}
   */
  public void revokeSession(
      String username, String tokenId, String sessionId, long expiresAt, AuditActor actor) {
    if (sessionId != null) {
      sessions.deleteSession(sessionId);
    }
    // the session's other access tokens (refreshed before) live no longer than a lifetime
    long until = Math.max(expiresAt, now().getEpochSecond() + accessLifetime.toSeconds());
    revoke(TokenRevocation.session(username, tokenId, sessionId, until), actor);
  }

  /**
   * Revokes every token the user was issued until now (a reset password, a disabled user, a lesser
   * role): their refresh tokens are deleted, access tokens refused.
   */
  public void revokeAll(String username, AuditActor actor) {
    sessions.deleteUser(username);
    long cutoff = now().getEpochSecond() + 1;
    revoke(TokenRevocation.allBefore(username, cutoff, cutoff + accessLifetime.toSeconds()), actor);
  }

  private void revoke(TokenRevocation revocation, AuditActor actor) {
    Instant now = now();
    // obeyed here and sent on before it is stored, so a store outage cannot undo a logout
    list.add(revocation, now.getEpochSecond());
    audit.record(actor, revocation.auditChange());
    sessions.revoke(revocation, now);
  }

  /** Whether a token of these claims is revoked. */
  public boolean revoked(String username, String tokenId, String sessionId, long issuedAt) {
    if (!loaded) {
      load();
    }
    return list.revoked(username, tokenId, sessionId, issuedAt);
  }

  /**
   * The earliest {@code iat} a new token of the user may carry: tokens issued before it are
   * revoked, so one issued in the second of a reset carries the next second.
   */
  public long earliestIssuedAt(String username) {
    return list.issuedBefore(username);
  }

  private void load() {
    try {
      Instant now = now();
      for (TokenRevocation r : sessions.revocations(now)) {
        list.add(r, now.getEpochSecond());
      }
      loaded = true;
    } catch (StoreUnavailableException e) {
      LOG.log(
          Level.WARNING,
          "cannot read the token revocations yet (MongoDB); trying again at the next token",
          e);
    }
  }

  private Instant now() {
    return clock.instant();
  }
}
