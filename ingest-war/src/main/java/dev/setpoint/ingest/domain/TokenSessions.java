package dev.setpoint.ingest.domain;

import dev.setpoint.contracts.security.TokenRevocation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the local issuer keeps its refresh tokens (as hashes) and the revocations of its access
 * tokens, so both outlive a restart. Every method throws {@link StoreUnavailableException} when the
 * store cannot be reached.
 */
public interface TokenSessions {
  /** Stores a new refresh token. */
  void add(RefreshSession session);

  /** The refresh token of this hash. */
  Optional<RefreshSession> find(String tokenHash);

  /** Replaces the stored refresh token of the same hash (marks it rotated). */
  void update(RefreshSession session);

  /** Deletes every refresh token of the session. */
  void deleteSession(String sessionId);

  /** Deletes every refresh token of the user. */
  void deleteUser(String username);

  /** Stores a revocation until its {@code expiresAt}, and drops those past theirs. */
  void revoke(TokenRevocation revocation, Instant now);

  /** Every revocation not yet past its {@code expiresAt}. */
  List<TokenRevocation> revocations(Instant now);
}
