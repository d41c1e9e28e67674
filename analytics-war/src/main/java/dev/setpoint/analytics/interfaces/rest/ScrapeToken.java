package dev.setpoint.analytics.interfaces.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The scrape token Prometheus may send as {@code Authorization: Bearer} for the rooms' gauges;
 * compared in constant time. Unset or blank, no token is admitted.
 */
final class ScrapeToken {
  private static final String BEARER = "Bearer ";

  private final Optional<byte[]> token;

  ScrapeToken(Optional<String> configured) {
    this.token =
        configured.filter(t -> !t.isBlank()).map(t -> t.strip().getBytes(StandardCharsets.UTF_8));
  }

  /** Whether the {@code Authorization} header carries the configured token. */
  boolean admits(String authorization) {
    if (token.isEmpty() || authorization == null || !authorization.startsWith(BEARER)) {
      return false;
    }
    byte[] given =
        authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token.get());
  }
}
