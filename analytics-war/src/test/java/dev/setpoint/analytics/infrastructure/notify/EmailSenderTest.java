package dev.setpoint.analytics.infrastructure.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.setpoint.analytics.application.notify.Alerts;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.notify.AdminState;
import dev.setpoint.analytics.domain.notify.EmailChannel;
import dev.setpoint.analytics.domain.notify.SendResult;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.Transmission;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Alert e-mails through a real SMTP server (GreenMail): what arrives, logins, and failures. */
class EmailSenderTest {
  @RegisterExtension
  static final GreenMailExtension SMTP =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(GreenMailConfiguration.aConfig().withUser("alerts", "s3cret"))
          .withPerMethodLifecycle(true);

  private static final EmailChannel CHANNEL =
      new EmailChannel(List.of("ops@example.com", "lead@example.com"));

  private static SmtpSettings smtp(String user, String password, boolean startTls) {
    return new SmtpSettings(
        "127.0.0.1",
        SMTP.getSmtp().getPort(),
        "setpoint@example.com",
        user,
        password,
        startTls,
        Duration.ofSeconds(2));
  }

  private static Subscription subscription() {
    return new Subscription(
        "mail",
        null,
        null,
        List.of(CHANNEL),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        Set.of(),
        AdminState.UNLOCKED,
        "unused",
        Alerts.T0,
        Alerts.T0,
        null);
  }

  private static Transmission transmission(AlertEvent event) {
    return Transmission.pending("n1", "mail", CHANNEL, Alerts.hot(), event, Alerts.T0);
  }

  @Test
  void theRecipientsGetTheAlertWithItsSeverityKindEventAndSubjectInTheSubject() throws Exception {
    Transmission t = transmission(AlertEvent.RAISED);

    SendResult result =
        new EmailSender(smtp(null, null, false), Clock.systemUTC()).send(t, subscription());

    assertTrue(result.delivered(), result.response());
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertEquals(2, received.length, "one copy per recipient");
    MimeMessage m = received[0];
    assertEquals("[Setpoint] CRITICAL inlet_high raised: hall-a", m.getSubject());
    assertEquals("setpoint@example.com", m.getFrom()[0].toString());
    assertArrayEquals(
        new String[] {"ops@example.com", "lead@example.com"},
        Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Address::toString).toArray());
    assertEquals(t.id(), m.getHeader("X-Setpoint-Delivery")[0]);
    String body = ((String) m.getContent()).replace("\r\n", "\n");
    assertTrue(
        body.startsWith("CRITICAL inlet_high raised: hall-a\n\nThe condition started.\n"), body);
    assertTrue(
        body.contains("the hottest inlet is 28.4 =C2=B0C") || body.contains("28.4 °C"), body);
    assertTrue(body.contains("Alert: " + Alerts.hot().id() + "\n"), body);
    assertTrue(body.contains("Site: gwangju\nRoom: hall-a\n"), body);
    assertTrue(body.contains("Value: 28.4\nThreshold: 27\n"), body);
    assertTrue(body.contains("Raised: 2026-12-01T08:00:00Z\n"), body);
    assertFalse(body.contains("Device:"), "no line for what the alert does not have");
  }

  @Test
  void aConfiguredUserLogsIn() {
    SendResult ok =
        new EmailSender(smtp("alerts", "s3cret", false), Clock.systemUTC())
            .send(transmission(AlertEvent.CLEARED), subscription());
    assertTrue(ok.delivered(), ok.response());
    assertEquals(2, SMTP.getReceivedMessages().length);

    SendResult refused =
        new EmailSender(smtp("alerts", "wrong", false), Clock.systemUTC())
            .send(transmission(AlertEvent.CLEARED), subscription());
    assertFalse(refused.delivered());
    assertTrue(refused.response().startsWith("SMTP 127.0.0.1:"), refused.response());
    assertFalse(refused.response().contains("wrong"), "the password never shows");
  }

  @Test
  void requiredStartTlsIsNeverSkipped() {
    SendResult result =
        new EmailSender(smtp(null, null, true), Clock.systemUTC())
            .send(transmission(AlertEvent.RAISED), subscription());
    assertFalse(result.delivered(), result.response());
    assertTrue(result.response().contains("STARTTLS"), result.response());
    assertEquals(0, SMTP.getReceivedMessages().length, "nothing sent in the clear");
    assertEquals(
        "true", EmailSender.properties(smtp(null, null, true)).get("mail.smtp.starttls.required"));
  }

  @Test
  void anSmtpServerThatDoesNotAnswerFailsTheAttemptAtTheTimeout() throws Exception {
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    try (ServerSocket silent = new ServerSocket(0)) {
      Thread accept =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (Socket s = silent.accept()) {
                      // holds the connection open, saying nothing, until the test is over
                      release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (Exception e) {
                      // the test is over
                    }
                  });
      SmtpSettings settings =
          new SmtpSettings(
              "127.0.0.1",
              silent.getLocalPort(),
              "setpoint@example.com",
              null,
              null,
              false,
              Duration.ofMillis(500));
      long start = System.nanoTime();
      SendResult result =
          new EmailSender(settings, Clock.systemUTC())
              .send(transmission(AlertEvent.RAISED), subscription());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertFalse(result.delivered());
      assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
      release.countDown();
      accept.interrupt();
    }
  }

  @Test
  void theSettingsNeverShowThePassword() {
    assertFalse(smtp("alerts", "s3cret", true).toString().contains("s3cret"));
  }
}
