package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScrapeTokenTest {

  @Test
  void onlyTheConfiguredTokenIsAdmitted() {
    String token = UUID.randomUUID().toString();
    ScrapeToken scrape = new ScrapeToken(Optional.of(token));
    assertTrue(scrape.admits("Bearer " + token));
    assertTrue(scrape.admits("Bearer " + token + " "));
    assertFalse(scrape.admits("Bearer " + token.substring(1)));
    assertFalse(scrape.admits("Basic " + token));
    assertFalse(scrape.admits(null));
  }

  @Test
  void noneIsAdmittedWithoutAConfiguredToken() {
    assertFalse(new ScrapeToken(Optional.empty()).admits("Bearer "));
    assertFalse(new ScrapeToken(Optional.of("  ")).admits("Bearer "));
    assertFalse(new ScrapeToken(Optional.of("  ")).admits("Bearer   "));
  }
}
