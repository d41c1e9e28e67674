package dev.setpoint.ingest.interfaces.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A successful login or refresh, in the OAuth 2.0 token response form (RFC 6749, sections 5.1 and
 * 6), plus the user's role, so a client (the dashboard) knows what to offer without decoding the
 * token.
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds the access token stays valid
 * @param refreshToken opaque; {@code POST /api/auth/refresh} trades it, once, for new tokens
 * @param refreshExpiresIn seconds the refresh token stays valid unused
 * @param role the user's role code, {@code viewer}, {@code operator} or {@code admin}: the token's
 *     {@code groups}
 */
public record AccessTokenResponse(
    @JsonbProperty("access_token") String accessToken,
    @JsonbProperty("token_type") String tokenType,
    @JsonbProperty("expires_in") long expiresIn,
    @JsonbProperty("refresh_token") String refreshToken,
    @JsonbProperty("refresh_expires_in") long refreshExpiresIn,
    @JsonbProperty("role") String role) {

  /** Never prints the tokens. */
  @Override
  public String toString() {
    return "AccessTokenResponse[role=" + role + ", expiresIn=" + expiresIn + "]";
  }
}
