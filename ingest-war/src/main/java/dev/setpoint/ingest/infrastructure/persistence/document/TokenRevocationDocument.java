package dev.setpoint.ingest.infrastructure.persistence.document;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A revocation of the local issuer's access tokens in MongoDB collection {@value #COLLECTION}, kept
 * until {@code expiresAt} (see {@code contracts.security.TokenRevocation}).
 *
 * @param id a random id
 * @param username whose tokens
 * @param tokenId a revoked token's {@code jti}, or null
 * @param sessionId a revoked session's {@code sid}, or null
 * @param issuedBefore the user's tokens issued before this (epoch seconds) are revoked; 0 for none
 * @param expiresAt epoch seconds after which the revocation no longer matters
 */
@Entity(TokenRevocationDocument.COLLECTION)
public record TokenRevocationDocument(
    @Id String id,
    @Column("username") String username,
    @Column("tokenId") String tokenId,
    @Column("sessionId") String sessionId,
    @Column("issuedBefore") long issuedBefore,
    @Column("expiresAt") long expiresAt) {

  /** The MongoDB collection of token revocations. */
  public static final String COLLECTION = "auth_revocations";
}
