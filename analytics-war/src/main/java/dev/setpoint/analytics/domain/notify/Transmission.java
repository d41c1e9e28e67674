package dev.setpoint.analytics.domain.notify;

import dev.setpoint.analytics.domain.alert.Alert;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One alert event for one channel of one subscription (EdgeX's transmission), with what it carries
 * (the alert as it was when the event happened) so it can be sent again after a restart, and every
 * attempt made.
 *
 * @param id derived from the notification, the subscription and the channel's target, so recording
 *     it twice records one transmission
 * @param notificationId the alert event it tells (one per {@code notify}, shared by the
 *     transmissions of every subscription and channel)
 * @param subscription the subscription's name
 * @param channel where it goes, as the subscription said when it was recorded
 * @param alert the alert at the event
 * @param event what happened to it
 * @param status where it stands
 * @param records its attempts, oldest first
 * @param created when it was recorded
 * @param nextAttemptAt when it is tried next (only while {@code RESENDING}), or null
 * @param revision 0 when recorded, one more with each attempt: the latest stored revision is its
 *     state
 */
public record Transmission(
    String id,
    String notificationId,
    String subscription,
    Channel channel,
    Alert alert,
    AlertEvent event,
    TransmissionStatus status,
    List<TransmissionRecord> records,
    Instant created,
    Instant nextAttemptAt,
    int revision) {

  public Transmission {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(alert, "alert");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(created, "created");
    records = List.copyOf(records);
  }

  /** A transmission recorded, not yet tried. */
  public static Transmission pending(
      String notificationId,
      String subscription,
      Channel channel,
      Alert alert,
      AlertEvent event,
      Instant created) {
    return new Transmission(
        id(notificationId, subscription, channel),
        notificationId,
        subscription,
        channel,
        alert,
        event,
        TransmissionStatus.PENDING,
        List.of(),
        created,
        null,
        0);
  }

  /** The id of the transmission of a notification to a subscription's channel. */
  public static String id(String notificationId, String subscription, Channel channel) {
    String name =
        notificationId + '\n' + subscription + '\n' + channel.type() + '\n' + channel.target();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** How many attempts were made. */
  public int attempts() {
    return records.size();
  }

  /** How many times it was sent again after its first attempt (EdgeX's resend count). */
  public int resendCount() {
    return Math.max(0, records.size() - 1);
  }

  /** This transmission taken by its receiver at {@code at}. */
  public Transmission sent(Instant at, String response) {
    return next(new TransmissionRecord(at, TransmissionStatus.SENT, response), null);
  }

  /** This transmission failed at {@code at}, to be tried again at {@code next}. */
  public Transmission resending(Instant at, String response, Instant next) {
    return next(new TransmissionRecord(at, TransmissionStatus.FAILED, response), next);
  }

  /** This transmission failed at {@code at} and given up on: a dead letter. */
  public Transmission failed(Instant at, String response) {
    return next(new TransmissionRecord(at, TransmissionStatus.FAILED, response), null);
  }

  private Transmission next(TransmissionRecord record, Instant nextAttempt) {
    List<TransmissionRecord> all = new ArrayList<>(records);
    all.add(record);
    TransmissionStatus s =
        record.status() == TransmissionStatus.SENT
            ? TransmissionStatus.SENT
            : nextAttempt != null ? TransmissionStatus.RESENDING : TransmissionStatus.FAILED;
    return new Transmission(
        id,
        notificationId,
        subscription,
        channel,
        alert,
        event,
        s,
        all,
        created,
        nextAttempt,
        revision + 1);
  }
}
