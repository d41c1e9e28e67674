package dev.setpoint.contracts.security;

import dev.setpoint.contracts.audit.AuditAction;
import dev.setpoint.contracts.audit.AuditChange;
import dev.setpoint.contracts.audit.AuditKind;
import dev.setpoint.contracts.audit.AuditRecord;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Objects;
import java.util.Optional;

/**
 * A revocation of operator tokens, made by ingest's local issuer and obeyed by every WAR that
 * accepts its tokens: on logout one token and its session ({@code jti} and {@code sid}), on a
 * password reset, a disabled user or a lesser role every token of the user issued before a time. It
 * reaches analytics as an audit record (kind {@code token}, action {@code revoke}, its fields as
 * the record's {@code after}), the way the edge's audit records travel, and matters only until
 * {@code expiresAt}: no token it names is valid after that anyway.
 *
 * @param username whose tokens are revoked
 * @param tokenId the {@code jti} of one revoked token, or null
 * @param sessionId the {@code sid} of a revoked session (every token refreshed from one login), or
 *     null
 * @param issuedBefore every token of the user with an {@code iat} below this (epoch seconds) is
 *     revoked; 0 when the revocation is not of all the user's tokens
 * @param expiresAt epoch seconds after which no token it names can be valid; the entry may go then
 */
public record TokenRevocation(
    String username, String tokenId, String sessionId, long issuedBefore, long expiresAt) {

  /** The claim in which the local issuer names a token's session. */
  public static final String SESSION_CLAIM = "sid";

  /**
   * A token's session from its {@value #SESSION_CLAIM} claim as the JWT runtime hands it over (a
   * {@code String}, or a JSON string for a custom claim), or null when it has none.
   */
  public static String sessionOf(Object claim) {
    return switch (claim) {
      case null -> null;
      case JsonString text -> text.getString();
      default -> claim.toString();
    };
  }

  public TokenRevocation {
    Objects.requireNonNull(username, "username");
    if (tokenId == null && sessionId == null && issuedBefore <= 0) {
      throw new IllegalArgumentException("a revocation names a token, a session or a time");
    }
  }

  /** One token and the session it belongs to (logout). */
  public static TokenRevocation session(
      String username, String tokenId, String sessionId, long expiresAt) {
    return new TokenRevocation(username, tokenId, sessionId, 0, expiresAt);
  }

  /** Every token of the user issued before {@code issuedBefore} (a reset, a disabled user). */
  public static TokenRevocation allBefore(String username, long issuedBefore, long expiresAt) {
    return new TokenRevocation(username, null, null, issuedBefore, expiresAt);
  }

  /** The audited change that carries this revocation to the other verifiers. */
  public AuditChange auditChange() {
    return AuditChange.of(AuditKind.TOKEN, AuditAction.REVOKE, username)
        .withAfter(
            AuditChange.state(
                "tokenId",
                tokenId,
                "sessionId",
                sessionId,
                "issuedBefore",
                issuedBefore,
                "expiresAt",
                expiresAt));
  }

  /**
   * The revocation an audit record carries: empty for a record of another kind, or one whose {@code
   * after} does not name a revocation.
   */
  public static Optional<TokenRevocation> of(AuditRecord record) {
    if (!AuditKind.TOKEN.equals(record.kind())
        || !AuditAction.REVOKE.equals(record.action())
        || record.target() == null
        || record.after() == null) {
      return Optional.empty();
    }
    try (var reader = Json.createReader(new StringReader(record.after()))) {
      JsonObject after = reader.readObject();
      return Optional.of(
          new TokenRevocation(
              record.target(),
              text(after, "tokenId"),
              text(after, "sessionId"),
              number(after, "issuedBefore"),
              number(after, "expiresAt")));
    } catch (JsonException | ClassCastException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonString s ? s.getString() : null;
  }

  private static long number(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value instanceof JsonNumber n ? n.longValueExact() : 0;
  }
}
