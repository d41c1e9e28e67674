package dev.setpoint.ingest.infrastructure.persistence.document;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A user of the local issuer as ingest stores it in MongoDB collection {@value #COLLECTION}, one
 * document per user name (the id).
 *
 * @param username the login name
 * @param role the role's code: {@code viewer}, {@code operator} or {@code admin}
 * @param passwordHash {@code pbkdf2-sha256:<iterations>:<salt>:<key>}, never the password
 * @param disabled whether logins are refused
 * @param createdAt when the user was created, milliseconds since the epoch
 * @param updatedAt when it last changed, milliseconds since the epoch
 */
@Entity(UserDocument.COLLECTION)
public record UserDocument(
    @Id String username,
    @Column("role") String role,
    @Column("passwordHash") String passwordHash,
    @Column("disabled") boolean disabled,
    @Column("createdAt") long createdAt,
    @Column("updatedAt") long updatedAt) {

  /** The MongoDB collection of users. */
  public static final String COLLECTION = "users";

  /** Never prints the hash. */
  @Override
  public String toString() {
    return "UserDocument[username=" + username + ", role=" + role + "]";
  }
}
