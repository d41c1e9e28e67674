package dev.setpoint.analytics.infrastructure.notify;

import java.time.Duration;
import java.util.Objects;

/**
 * The SMTP server alert e-mails go through ({@code setpoint.analytics.notify.smtp.*}).
 *
 * @param host its host
 * @param port its port
 * @param from the sender's address
 * @param user the user to log in as, or null for no login
 * @param password the user's password, or null
 * @param startTls whether the connection must be upgraded with STARTTLS before anything is sent
 * @param timeout the connection's, each read's and each write's timeout
 */
public record SmtpSettings(
    String host,
    int port,
    String from,
    String user,
    String password,
    boolean startTls,
    Duration timeout) {
  public SmtpSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(timeout, "timeout");
  }

  /** Without the password, so it never reaches a log. */
  @Override
  public String toString() {
    return "SmtpSettings[host="
        + host
        + ", port="
        + port
        + ", from="
        + from
        + ", user="
        + user
        + ", password="
        + (password == null ? "none" : "***")
        + ", startTls="
        + startTls
        + ", timeout="
        + timeout
        + "]";
  }
}
