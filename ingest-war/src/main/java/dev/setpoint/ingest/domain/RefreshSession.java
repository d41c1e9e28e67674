package dev.setpoint.ingest.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One refresh token of the local issuer, as the store keeps it: only the token's hash. Each login
 * starts a session ({@code sessionId}, the access tokens' {@code sid}); each refresh marks the
 * token it used as rotated and adds the session's next one, so a rotated token presented again
 * shows it was copied, and the whole session is revoked.
 *
 * @param tokenHash SHA-256 of the refresh token, base64url: the key
 * @param sessionId the session (token family) it belongs to
 * @param username whose session it is
 * @param issuedAt when it was issued
 * @param expiresAt when it stops working
 * @param rotated whether it was used already (then it is never accepted again)
 */
public record RefreshSession(
    String tokenHash,
    String sessionId,
    String username,
    Instant issuedAt,
    Instant expiresAt,
    boolean rotated) {

  public RefreshSession {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** The same token, used. */
  public RefreshSession asRotated() {
    return new RefreshSession(tokenHash, sessionId, username, issuedAt, expiresAt, true);
  }
}
