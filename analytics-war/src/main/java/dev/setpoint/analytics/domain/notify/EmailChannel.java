package dev.setpoint.analytics.domain.notify;

import java.util.List;

/**
 * E-mail: each transmission is one message to all of {@code recipients}.
 *
 * @param recipients addresses ({@code ops@example.com}), in the order given
 */
public record EmailChannel(List<String> recipients) implements Channel {
  public EmailChannel {
    recipients = List.copyOf(recipients);
  }

  @Override
  public ChannelType type() {
    return ChannelType.EMAIL;
  }

  @Override
  public String target() {
    return String.join(",", recipients);
  }
}
