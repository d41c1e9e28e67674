package dev.setpoint.analytics.application.audit;

import dev.setpoint.analytics.domain.audit.AuditQuery;
import dev.setpoint.analytics.domain.audit.AuditStore;
import dev.setpoint.contracts.audit.AuditKind;
import dev.setpoint.contracts.audit.AuditRecord;
import dev.setpoint.contracts.security.RevocationList;
import dev.setpoint.contracts.security.TokenRevocation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The operator tokens revoked at the edge's local issuer (logout, password reset, a disabled user),
 * which analytics' access filter refuses. They arrive as audit records of kind {@code token}
 * through the edge outbox, the relay and Kafka ({@link #accept}); after a restart the list is read
 * back from the stored audit trail ({@link #load}), since consumed records are not delivered again.
 * Each entry is kept until no token it names can still be valid.
 *
 * <p>While the link from the edge is down, a revocation made there waits in the edge outbox: a
 * revoked token keeps working here until it arrives or the token expires, at most one access-token
 * lifetime (docs/security.md).
 */
public final class TokenDenylist {
  private static final Logger LOG = Logger.getLogger(TokenDenylist.class.getName());

  /** How far back {@link #load} reads: beyond any access token's lifetime. */
  static final Duration LOOKBACK = Duration.ofDays(1);

  private static final int PAGE = 200;

  private final RevocationList list = new RevocationList();
  private final AuditStore store;
  private final Clock clock;
  private volatile boolean loaded;

  public TokenDenylist(AuditStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Obeys the revocation a record carries, if it carries one. */
  public void accept(AuditRecord record) {
    TokenRevocation.of(record).ifPresent(r -> list.add(r, clock.instant().getEpochSecond()));
  }

  /**
   * Reads the revocations of the last day from the audit trail; on failure it is tried again at the
   * next check.
   */
  public void load() {
    Instant now = clock.instant();
    try {
      for (int page = 0; ; page++) {
        List<AuditRecord> records =
            store.query(
                new AuditQuery(now.minus(LOOKBACK), null, null, null, AuditKind.TOKEN, page, PAGE));
        records.forEach(this::accept);
        if (records.size() < PAGE) {
          break;
        }
      }
      loaded = true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot read the token revocations from the audit trail yet", e);
    }
  }

  /** Whether a token of these claims is revoked. */
  public boolean revoked(String username, String tokenId, String sessionId, long issuedAt) {
    if (!loaded) {
      load();
    }
    return list.revoked(username, tokenId, sessionId, issuedAt);
  }
}
