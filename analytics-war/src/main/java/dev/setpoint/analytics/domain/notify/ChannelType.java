package dev.setpoint.analytics.domain.notify;

import java.util.Optional;

/** How a channel reaches its receiver; the names are EdgeX's address types. */
public enum ChannelType {
  /** An HTTP(S) POST to a webhook. */
  REST,
  /** An e-mail through the configured SMTP server. */
  EMAIL;

  public static Optional<ChannelType> fromCode(String code) {
    for (ChannelType t : values()) {
      if (t.name().equals(code)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
