package dev.setpoint.ingest;

import dev.setpoint.contracts.security.TokenRevocation;
import dev.setpoint.ingest.domain.RefreshSession;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.domain.TokenSessions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Refresh tokens and revocations in memory (test code); {@code down} fails like MongoDB down. */
public final class MemoryTokenSessions implements TokenSessions {
  public final Map<String, RefreshSession> refresh = new ConcurrentHashMap<>();
  public final List<TokenRevocation> revoked = new CopyOnWriteArrayList<>();
  public volatile boolean down;

  private void check() {
    if (down) {
      throw new StoreUnavailableException("down (test)");
    }
  }

  @Override
  public void add(RefreshSession session) {
    check();
    refresh.put(session.tokenHash(), session);
  }

  @Override
  public Optional<RefreshSession> find(String tokenHash) {
    check();
    return Optional.ofNullable(refresh.get(tokenHash));
  }

  @Override
  public void update(RefreshSession session) {
    check();
    refresh.put(session.tokenHash(), session);
  }

  @Override
  public void deleteSession(String sessionId) {
    check();
    refresh.values().removeIf(s -> s.sessionId().equals(sessionId));
  }

  @Override
  public void deleteUser(String username) {
    check();
    refresh.values().removeIf(s -> s.username().equals(username));
  }

  @Override
  public void revoke(TokenRevocation revocation, Instant now) {
    check();
    revoked.add(revocation);
  }

  @Override
  public List<TokenRevocation> revocations(Instant now) {
    check();
    return revoked.stream().filter(r -> r.expiresAt() > now.getEpochSecond()).toList();
  }
}
