package dev.setpoint.analytics.infrastructure.notify;

import dev.setpoint.analytics.domain.notify.Channel;
import dev.setpoint.analytics.domain.notify.ChannelType;
import dev.setpoint.analytics.domain.notify.EmailChannel;
import dev.setpoint.analytics.domain.notify.WebhookChannel;
import dev.setpoint.analytics.domain.notify.WebhookFormat;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jnosql.communication.TypeReference;
import org.eclipse.jnosql.communication.semistructured.CommunicationEntity;

/** What the notification stores' documents share: lists, instants and channels as fields. */
final class Documents {
  private Documents() {}

  /** A list of strings; empty when absent. */
  static List<String> strings(CommunicationEntity entity, String field) {
    return entity.find(field, new TypeReference<List<String>>() {}).orElse(List.of());
  }

  /** A list of longs; empty when absent. */
  static List<Long> longs(CommunicationEntity entity, String field) {
    return entity.find(field, new TypeReference<List<Long>>() {}).orElse(List.of());
  }

  static Optional<String> string(CommunicationEntity entity, String field) {
    return entity.find(field, String.class);
  }

  static String required(CommunicationEntity entity, String field) {
    return entity
        .find(field, String.class)
        .orElseThrow(() -> new IllegalArgumentException("no " + field));
  }

  static Instant instant(CommunicationEntity entity, String field) {
    return entity.find(field, Long.class).map(Instant::ofEpochMilli).orElse(null);
  }

  static void add(CommunicationEntity entity, String field, Object value) {
    if (value != null) {
      entity.add(field, value);
    }
  }

  static void add(CommunicationEntity entity, String field, Instant value) {
    if (value != null) {
      entity.add(field, value.toEpochMilli());
    }
  }

  /** A channel's format field: the webhook's body format, empty for e-mail. */
  static String format(Channel c) {
    return c instanceof WebhookChannel w ? w.format().code() : "";
  }

  /**
   * The channel of a type, target and format as {@link Channel#target()} and {@link #format} wrote.
   */
  static Channel channel(String type, String target, String format) {
    ChannelType t =
        ChannelType.fromCode(type)
            .orElseThrow(() -> new IllegalArgumentException("channel type " + type));
    return switch (t) {
      case REST ->
          new WebhookChannel(
              URI.create(target),
              WebhookFormat.fromCode(format)
                  .orElseThrow(() -> new IllegalArgumentException("format " + format)));
      case EMAIL -> new EmailChannel(Arrays.asList(target.split(",")));
    };
  }
}
