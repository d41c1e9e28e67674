package dev.setpoint.ingest.infrastructure.persistence;

import dev.setpoint.contracts.security.TokenRevocation;
import dev.setpoint.ingest.domain.RefreshSession;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import dev.setpoint.ingest.domain.TokenSessions;
import dev.setpoint.ingest.infrastructure.persistence.document.RefreshTokenDocument;
import dev.setpoint.ingest.infrastructure.persistence.document.TokenRevocationDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.nosql.Template;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The local issuer's refresh tokens ({@link RefreshTokenDocument#COLLECTION}, by hash) and
 * revocations ({@link TokenRevocationDocument#COLLECTION}). Both stay small: a refresh token lives
 * hours, a revocation no longer than an access token, and expired ones are deleted as new ones
 * arrive.
 */
@ApplicationScoped
public class JnosqlTokenSessions implements TokenSessions {
  private final Template template;

  @Inject
  public JnosqlTokenSessions(Template template) {
    this.template = template;
  }

  /** For CDI's proxy only. */
  protected JnosqlTokenSessions() {
    this.template = null;
  }

  @Override
  public void add(RefreshSession session) {
    call(
        () -> {
          template
              .delete(RefreshTokenDocument.class)
              .where("expiresAt")
              .lt(session.issuedAt().toEpochMilli())
              .execute();
          return template.insert(document(session));
        });
  }

  @Override
  public Optional<RefreshSession> find(String tokenHash) {
    return call(
        () ->
            template.find(RefreshTokenDocument.class, tokenHash).map(JnosqlTokenSessions::session));
  }

  @Override
  public void update(RefreshSession session) {
    call(() -> template.update(document(session)));
  }

  @Override
  public void deleteSession(String sessionId) {
    call(
        () -> {
          template.delete(RefreshTokenDocument.class).where("sessionId").eq(sessionId).execute();
          return null;
        });
  }

  @Override
  public void deleteUser(String username) {
    call(
        () -> {
          template.delete(RefreshTokenDocument.class).where("username").eq(username).execute();
          return null;
        });
  }

  @Override
  public void revoke(TokenRevocation revocation, Instant now) {
    call(
        () -> {
          template
              .delete(TokenRevocationDocument.class)
              .where("expiresAt")
              .lte(now.getEpochSecond())
              .execute();
          return template.insert(
              new TokenRevocationDocument(
                  UUID.randomUUID().toString(),
                  revocation.username(),
                  revocation.tokenId(),
                  revocation.sessionId(),
                  revocation.issuedBefore(),
                  revocation.expiresAt()));
        });
  }

  @Override
  public List<TokenRevocation> revocations(Instant now) {
    List<TokenRevocationDocument> documents =
        call(
            () ->
                template
                    .select(TokenRevocationDocument.class)
                    .where("expiresAt")
                    .gt(now.getEpochSecond())
                    .result());
    return documents.stream()
        .map(
            d ->
                new TokenRevocation(
                    d.username(), d.tokenId(), d.sessionId(), d.issuedBefore(), d.expiresAt()))
        .toList();
  }

  private static RefreshTokenDocument document(RefreshSession session) {
    return new RefreshTokenDocument(
        session.tokenHash(),
        session.sessionId(),
        session.username(),
        session.issuedAt().toEpochMilli(),
        session.expiresAt().toEpochMilli(),
        session.rotated());
  }

  private static RefreshSession session(RefreshTokenDocument document) {
    return new RefreshSession(
        document.tokenHash(),
        document.sessionId(),
        document.username(),
        Instant.ofEpochMilli(document.issuedAt()),
        Instant.ofEpochMilli(document.expiresAt()),
        document.rotated());
  }

  private static <T> T call(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RuntimeException e) {
      if (Documents.isMongoFailure(e)) {
        throw new StoreUnavailableException("the token store (MongoDB) failed", e);
      }
      throw e;
    }
  }
}
