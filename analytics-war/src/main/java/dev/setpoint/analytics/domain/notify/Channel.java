package dev.setpoint.analytics.domain.notify;

/** Where a subscription's alerts go: a webhook or e-mail recipients. */
public sealed interface Channel permits WebhookChannel, EmailChannel {
  ChannelType type();

  /**
   * Who receives what is sent on it, in one string: the URL, or the recipients joined by commas.
   * Transmissions to one target of one subscription are sent in order, one at a time.
   */
  String target();
}
