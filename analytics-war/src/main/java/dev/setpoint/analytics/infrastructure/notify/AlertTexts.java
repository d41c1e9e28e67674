package dev.setpoint.analytics.infrastructure.notify;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.notify.Transmission;
import java.math.BigDecimal;
import java.util.Locale;

/** A transmission's alert in words: an e-mail's subject and body, a Slack message. */
final class AlertTexts {
  private AlertTexts() {}

  /** One line: {@code CRITICAL inlet_high raised: hall-a}. */
  static String headline(Transmission t) {
    Alert a = t.alert();
    return oneLine(
        a.severity().code().toUpperCase(Locale.ROOT)
            + " "
            + a.kind().code()
            + " "
            + t.event().code()
            + ": "
            + a.subject());
  }

  /** An e-mail's subject. */
  static String subject(Transmission t) {
    return "[Setpoint] " + headline(t);
  }

  /** The alert's fields, one a line, after what happened. */
  static String body(Transmission t) {
    Alert a = t.alert();
    StringBuilder b = new StringBuilder();
    b.append(headline(t)).append("\n\n");
    b.append(what(t.event())).append("\n");
    if (a.message() != null) {
      b.append(a.message()).append("\n");
    }
    b.append('\n');
    line(b, "Alert", a.id());
    line(b, "Kind", a.kind().code());
    line(b, "Severity", a.severity().code());
    line(b, "State", a.state().code());
    line(b, "Subject", a.subject());
    line(b, "Site", a.site());
    line(b, "Room", a.room());
    line(b, "Device", a.device());
    line(b, "Value", number(a.value()));
    line(b, "Threshold", number(a.threshold()));
    line(b, "Raised", a.raisedAt());
    line(b, "Updated", a.updatedAt());
    line(b, "Acknowledged by", a.acknowledgedBy());
    line(b, "Acknowledged", a.acknowledgedAt());
    line(b, "Comment", a.comment());
    line(b, "Cleared", a.clearedAt());
    b.append("\nSubscription ")
        .append(t.subscription())
        .append(", transmission ")
        .append(t.id())
        .append('\n');
    return b.toString();
  }

  /** A Slack message (mrkdwn): the headline in bold, then the message and the figures. */
  static String slack(Transmission t) {
    Alert a = t.alert();
    StringBuilder b = new StringBuilder();
    b.append('*').append(escape(headline(t))).append('*');
    if (a.message() != null) {
      b.append('\n').append(escape(a.message()));
    }
    StringBuilder where = new StringBuilder();
    if (a.site() != null) {
      where.append("site ").append(a.site());
    }
    if (a.room() != null) {
      where.append(where.isEmpty() ? "" : ", ").append("room ").append(a.room());
    }
    if (a.device() != null) {
      where.append(where.isEmpty() ? "" : ", ").append("device ").append(a.device());
    }
    if (a.value() != null) {
      where.append(where.isEmpty() ? "" : ", ").append("value ").append(number(a.value()));
      if (a.threshold() != null) {
        where.append(" (limit ").append(number(a.threshold())).append(')');
      }
    }
    if (!where.isEmpty()) {
      b.append('\n').append(escape(where.toString()));
    }
    if (t.event() == AlertEvent.ACKNOWLEDGED && a.acknowledgedBy() != null) {
      b.append("\nacknowledged by ").append(escape(a.acknowledgedBy()));
      if (a.comment() != null) {
        b.append(": ").append(escape(a.comment()));
      }
    }
    b.append("\nalert ").append(a.id());
    return b.toString();
  }

  private static String what(AlertEvent event) {
    return switch (event) {
      case RAISED -> "The condition started.";
      case ESCALATED -> "It became more severe.";
      case REMINDER -> "It is still open and not acknowledged.";
      case ACKNOWLEDGED -> "An operator acknowledged it.";
      case CLEARED -> "The condition ended.";
    };
  }

  private static void line(StringBuilder b, String name, Object value) {
    if (value != null) {
      b.append(name).append(": ").append(oneLine(value.toString())).append('\n');
    }
  }

  /** A number as written, without a binary fraction's noise: 27.45, not 27.450000000000003. */
  static String number(Double v) {
    if (v == null) {
      return null;
    }
    if (!Double.isFinite(v)) {
      return v.toString();
    }
    BigDecimal d = new BigDecimal(String.format(Locale.ROOT, "%.3f", v)).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** Control characters (a line break in a subject would start a header) as spaces. */
  static String oneLine(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return b.toString();
  }

  /** Slack's three escapes, so a message cannot mention a channel or make a link. */
  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
