package dev.setpoint.ingest.interfaces.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A successful operator login, in the OAuth 2.0 token response form (RFC 6749, section 5.1).
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer}
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds the token stays valid
 */
public record AccessTokenResponse(
    @JsonbProperty("access_token") String accessToken,
    @JsonbProperty("token_type") String tokenType,
    @JsonbProperty("expires_in") long expiresIn) {}
