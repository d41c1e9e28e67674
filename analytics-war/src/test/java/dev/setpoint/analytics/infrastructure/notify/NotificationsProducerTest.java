package dev.setpoint.analytics.infrastructure.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.setpoint.analytics.application.notify.RetryPolicy;
import dev.setpoint.analytics.config.NotifyConfig;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The notify configuration as the producer reads it: defaults, the SMTP server, refusals. */
class NotificationsProducerTest {
  private static NotifyConfig defaults() {
    NotifyConfig c = new NotifyConfig();
    c.maxAttempts = 6;
    c.retryInitial = Duration.ofSeconds(30);
    c.retryMax = Duration.ofMinutes(30);
    c.timeout = Duration.ofSeconds(10);
    c.smtpHost = Optional.empty();
    c.smtpPort = 587;
    c.smtpFrom = "setpoint@localhost";
    c.smtpUser = Optional.empty();
    c.smtpPassword = Optional.empty();
    c.smtpStartTls = true;
    c.httpPort = 9080;
    c.httpsPort = 9443;
    return c;
  }

  @Test
  void theDefaultsRetryFiveTimesOverAboutFifteenMinutes() {
    RetryPolicy p = NotificationsProducer.retryPolicy(defaults());
    assertEquals(6, p.maxAttempts());
    assertEquals(
        Duration.ofSeconds(930), p.schedule().stream().reduce(Duration.ZERO, Duration::plus));
  }

  @Test
  void withoutAnSmtpHostThereIsNoEmail() {
    assertNull(NotificationsProducer.smtp(defaults(), Duration.ofSeconds(10)));
    NotifyConfig blank = defaults();
    blank.smtpHost = Optional.of("  ");
    assertNull(NotificationsProducer.smtp(blank, Duration.ofSeconds(10)));
  }

  @Test
  void theSmtpServerIsTakenFromTheConfigurationWithALoginOnlyWhenAUserIsSet() {
    NotifyConfig c = defaults();
    c.smtpHost = Optional.of(" smtp.example.com ");
    c.smtpUser = Optional.of("");
    c.smtpPassword = Optional.of("from-a-secret");
    SmtpSettings s = NotificationsProducer.smtp(c, Duration.ofSeconds(10));
    assertEquals("smtp.example.com", s.host());
    assertEquals(587, s.port());
    assertNull(s.user(), "a blank user is no login");
    assertTrue(s.startTls());
    c.smtpUser = Optional.of("alerts");
    assertEquals("alerts", NotificationsProducer.smtp(c, Duration.ofSeconds(10)).user());
  }

  @Test
  void aConfigurationThatCannotWorkNamesItsKey() {
    NotifyConfig none = defaults();
    none.maxAttempts = 0;
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> NotificationsProducer.retryPolicy(none))
            .getMessage()
            .startsWith("setpoint.analytics.notify.max-attempts"));
    NotifyConfig port = defaults();
    port.smtpHost = Optional.of("smtp.example.com");
    port.smtpPort = 0;
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> NotificationsProducer.smtp(port, Duration.ofSeconds(1)))
            .getMessage()
            .startsWith("setpoint.analytics.notify.smtp.port"));
  }
}
