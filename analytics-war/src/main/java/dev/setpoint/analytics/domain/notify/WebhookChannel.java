package dev.setpoint.analytics.domain.notify;

import java.net.URI;
import java.util.Objects;

/**
 * A webhook: each transmission is POSTed to {@code url}, signed with the subscription's secret.
 *
 * @param url an http or https URL
 * @param format the body's shape
 */
public record WebhookChannel(URI url, WebhookFormat format) implements Channel {
  public WebhookChannel {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(format, "format");
  }

  @Override
  public ChannelType type() {
    return ChannelType.REST;
  }

  @Override
  public String target() {
    return url.toString();
  }
}
