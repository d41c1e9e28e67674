package dev.setpoint.analytics.infrastructure.notify;

import dev.setpoint.analytics.domain.notify.ChannelSender;
import dev.setpoint.analytics.domain.notify.EmailChannel;
import dev.setpoint.analytics.domain.notify.SendResult;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.Transmission;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Sends a transmission as one plain-text e-mail to its channel's recipients through the configured
 * SMTP server (Jakarta Mail; on Liberty from the {@code mail-2.1} feature): subject {@code
 * [Setpoint] CRITICAL inlet_high raised: hall-a}, the alert's fields in the body, the
 * transmission's id in {@code X-Setpoint-Delivery}. Delivered when the server accepted the message
 * for every recipient; the connection, each read and each write are bounded by the timeout.
 */
public final class EmailSender implements ChannelSender {
  private final SmtpSettings smtp;
  private final Session session;
  private final Clock clock;

  public EmailSender(SmtpSettings smtp, Clock clock) {
    this.smtp = smtp;
    this.clock = clock;
    this.session = Session.getInstance(properties(smtp));
  }

  static Properties properties(SmtpSettings smtp) {
    Properties p = new Properties();
    String ms = Long.toString(smtp.timeout().toMillis());
    p.setProperty("mail.transport.protocol", "smtp");
    p.setProperty("mail.smtp.host", smtp.host());
    p.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
    p.setProperty("mail.smtp.from", smtp.from());
    p.setProperty("mail.smtp.connectiontimeout", ms);
    p.setProperty("mail.smtp.timeout", ms);
    p.setProperty("mail.smtp.writetimeout", ms);
    p.setProperty("mail.smtp.auth", Boolean.toString(smtp.user() != null));
    p.setProperty("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
    p.setProperty("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
    return p;
  }

  @Override
  public SendResult send(Transmission t, Subscription subscription) {
    if (!(t.channel() instanceof EmailChannel channel)) {
      return SendResult.failed("not sent: not an e-mail channel");
    }
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(smtp.from(), true));
      InternetAddress[] to = new InternetAddress[channel.recipients().size()];
      for (int i = 0; i < to.length; i++) {
        to[i] = new InternetAddress(channel.recipients().get(i), true);
      }
      message.setRecipients(Message.RecipientType.TO, to);
      message.setSubject(AlertTexts.subject(t), "UTF-8");
      message.setText(AlertTexts.body(t), "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      message.setHeader("X-Setpoint-Delivery", t.id());
      if (smtp.user() != null) {
        Transport.send(message, smtp.user(), smtp.password());
      } else {
        Transport.send(message);
      }
      return SendResult.delivered(
          "accepted by " + smtp.host() + ":" + smtp.port() + " for " + to.length + " recipient(s)");
    } catch (AddressException e) {
      return SendResult.failed("not sent: an address is not valid: " + e.getMessage());
    } catch (MessagingException e) {
      return SendResult.failed("SMTP " + smtp.host() + ":" + smtp.port() + ": " + e.getMessage());
    }
  }
}
