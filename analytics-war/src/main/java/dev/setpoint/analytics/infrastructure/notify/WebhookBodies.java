package dev.setpoint.analytics.infrastructure.notify;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.notify.Transmission;
import dev.setpoint.analytics.domain.notify.WebhookFormat;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/**
 * The body a webhook receives: the alert and its event as JSON, or Slack's {@code {"text": …}}. The
 * same on every attempt of a transmission (the attempt's time is in the signed header).
 */
public final class WebhookBodies {
  private WebhookBodies() {}

  static String body(Transmission t, WebhookFormat format) {
    return switch (format) {
      case JSON -> json(t).toString();
      case SLACK -> Json.createObjectBuilder().add("text", AlertTexts.slack(t)).build().toString();
    };
  }

  /**
   * {@code {"transmission", "notification", "subscription", "event", "alert": {"id", "kind",
   * "severity", "state", "subject", "site", "room", "device", "value", "threshold", "message",
   * "raisedAt", "updatedAt", "acknowledgedBy", "acknowledgedAt", "comment", "clearedAt"}}}; null
   * members left out.
   */
  static JsonObject json(Transmission t) {
    return Json.createObjectBuilder()
        .add("transmission", t.id())
        .add("notification", t.notificationId())
        .add("subscription", t.subscription())
        .add("event", t.event().code())
        .add("alert", alert(t.alert()))
        .build();
  }

  /** The alert as webhooks carry it (and the transmissions API shows it). */
  public static JsonObject alert(Alert a) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", a.id())
            .add("kind", a.kind().code())
            .add("severity", a.severity().code())
            .add("state", a.state().code())
            .add("subject", a.subject());
    string(json, "site", a.site());
    string(json, "room", a.room());
    string(json, "device", a.device());
    if (a.value() != null && Double.isFinite(a.value())) {
      json.add("value", a.value());
    }
    if (a.threshold() != null && Double.isFinite(a.threshold())) {
      json.add("threshold", a.threshold());
    }
    string(json, "message", a.message());
    time(json, "raisedAt", a.raisedAt());
    time(json, "updatedAt", a.updatedAt());
    string(json, "acknowledgedBy", a.acknowledgedBy());
    time(json, "acknowledgedAt", a.acknowledgedAt());
    string(json, "comment", a.comment());
    time(json, "clearedAt", a.clearedAt());
    return json.build();
  }

  private static void string(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  private static void time(JsonObjectBuilder json, String name, Instant value) {
    if (value != null) {
      json.add(name, value.toString());
    }
  }
}
