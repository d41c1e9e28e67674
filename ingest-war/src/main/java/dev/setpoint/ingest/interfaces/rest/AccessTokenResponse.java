package dev.setpoint.ingest.interfaces.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A successful login, in the OAuth 2.0 token response form (RFC 6749, section 5.1), plus the user's
 * role, so a client (the dashboard) knows what to offer without decoding the token.
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds the token stays valid
 * @param role the user's role code, {@code viewer}, {@code operator} or {@code admin}: the token's
 *     {@code groups}
 */
public record AccessTokenResponse(
    @JsonbProperty("access_token") String accessToken,
    @JsonbProperty("token_type") String tokenType,
    @JsonbProperty("expires_in") long expiresIn,
    @JsonbProperty("role") String role) {}
