package dev.setpoint.contracts.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The revocations a verifier obeys ({@link TokenRevocation}), by token id, session id and user,
 * each kept until its {@code expiresAt} (entries past it are dropped as new ones arrive). Ingest
 * and analytics each keep one and ask it about every JWT their access filter admits; it holds at
 * most one entry per logout and one per user, for no longer than a token lives.
 */
public final class RevocationList {
  private final Map<String, Long> tokens = new ConcurrentHashMap<>();
  private final Map<String, Long> sessions = new ConcurrentHashMap<>();
  private final Map<String, Cutoff> users = new ConcurrentHashMap<>();

  private record Cutoff(long issuedBefore, long expiresAt) {}

  /**
   * Obeys the revocation from now on (until its {@code expiresAt}).
   *
   * @param now epoch seconds, for dropping expired entries
   */
  public void add(TokenRevocation revocation, long now) {
    if (revocation.expiresAt() <= now) {
      return;
    }
    if (revocation.tokenId() != null) {
      tokens.merge(revocation.tokenId(), revocation.expiresAt(), Math::max);
    }
    if (revocation.sessionId() != null) {
      sessions.merge(revocation.sessionId(), revocation.expiresAt(), Math::max);
    }
    if (revocation.issuedBefore() > 0) {
      users.merge(
          revocation.username(),
          new Cutoff(revocation.issuedBefore(), revocation.expiresAt()),
          (a, b) ->
              new Cutoff(
                  Math.max(a.issuedBefore(), b.issuedBefore()),
                  Math.max(a.expiresAt(), b.expiresAt())));
    }
    purge(now);
  }

  /**
   * Whether a token with these claims is revoked.
   *
   * @param username the token's user (its {@code upn} or name claim)
   * @param tokenId its {@code jti}, or null
   * @param sessionId its {@code sid}, or null
   * @param issuedAt its {@code iat}, epoch seconds
   */
  public boolean revoked(String username, String tokenId, String sessionId, long issuedAt) {
    if (tokenId != null && tokens.containsKey(tokenId)) {
      return true;
    }
    if (sessionId != null && sessions.containsKey(sessionId)) {
      return true;
    }
    Cutoff cutoff = username == null ? null : users.get(username);
    return cutoff != null && issuedAt < cutoff.issuedBefore();
  }

  /** The cutoff of the user's tokens: those issued before it are revoked; 0 for none. */
  public long issuedBefore(String username) {
    Cutoff cutoff = users.get(username);
    return cutoff == null ? 0 : cutoff.issuedBefore();
  }

  /** How many entries are kept; for tests and a gauge. */
  public int size() {
    return tokens.size() + sessions.size() + users.size();
  }

  private void purge(long now) {
    tokens.values().removeIf(expiresAt -> expiresAt <= now);
    sessions.values().removeIf(expiresAt -> expiresAt <= now);
    users.values().removeIf(c -> c.expiresAt() <= now);
  }
}
