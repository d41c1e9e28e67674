package dev.setpoint.ingest.infrastructure.persistence.document;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A refresh token of the local issuer in MongoDB collection {@value #COLLECTION}: its SHA-256 hash
 * (the id), never the token.
 *
 * @param tokenHash base64url SHA-256 of the token
 * @param sessionId the session (token family) it belongs to
 * @param username whose it is
 * @param issuedAt milliseconds since the epoch
 * @param expiresAt milliseconds since the epoch
 * @param rotated whether it was used for a refresh already
 */
@Entity(RefreshTokenDocument.COLLECTION)
public record RefreshTokenDocument(
    @Id String tokenHash,
    @Column("sessionId") String sessionId,
    @Column("username") String username,
    @Column("issuedAt") long issuedAt,
    @Column("expiresAt") long expiresAt,
    @Column("rotated") boolean rotated) {

  /** The MongoDB collection of refresh tokens. */
  public static final String COLLECTION = "auth_refresh_tokens";
}
