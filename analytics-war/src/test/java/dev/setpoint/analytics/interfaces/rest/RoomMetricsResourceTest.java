package dev.setpoint.analytics.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.config.AlertConfig;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoomMetricsResourceTest {
  static SecurityContext anonymous() {
    return new SecurityContext() {
      @Override
      public Principal getUserPrincipal() {
        return null;
      }

      @Override
      public boolean isUserInRole(String role) {
        return false;
      }

      @Override
      public boolean isSecure() {
        return false;
      }

      @Override
      public String getAuthenticationScheme() {
        return null;
      }
    };
  }

  static RoomMetricsResource withToken(String token) {
    AlertConfig config = new AlertConfig();
    config.scrapeToken = Optional.ofNullable(token);
    return new RoomMetricsResource(null, config);
  }

  @Test
  void onlyTheScrapeTokenOrAnOperatorIsAdmitted() {
    RoomMetricsResource r = withToken("s3cret-scrape-token");
    assertTrue(r.admitted("Bearer s3cret-scrape-token", anonymous()));
    assertFalse(r.admitted("Bearer s3cret-scrape-tokeX", anonymous()));
    assertFalse(r.admitted("Basic czNjcmV0", anonymous()));
    assertFalse(r.admitted(null, anonymous()));
    RoomMetricsResource none = withToken(null);
    assertFalse(none.admitted("Bearer ", anonymous()), "no token configured: none accepted");
    assertFalse(withToken("  ").admitted("Bearer ", anonymous()));
  }
}
