package dev.setpoint.ingest.interfaces.rest;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * The body of {@code POST /api/auth/refresh}.
 *
 * @param refreshToken the refresh token of the last login or refresh
 */
public record RefreshRequest(@JsonbProperty("refresh_token") String refreshToken) {

  /** Never prints the token. */
  @Override
  public String toString() {
    return "RefreshRequest[]";
  }
}
