package dev.setpoint.analytics.domain.notify;

import java.util.Locale;
import java.util.Optional;

/** The body a webhook receives. */
public enum WebhookFormat {
  /** The alert and its event as JSON. */
  JSON,
  /** A Slack-compatible message, {@code {"text": …}}, for Slack's (and compatible) webhooks. */
  SLACK;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<WebhookFormat> fromCode(String code) {
    for (WebhookFormat f : values()) {
      if (f.code().equals(code)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
