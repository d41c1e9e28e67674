package dev.setpoint.contracts.telemetry;

/**
 * The Kafka headers of a record on a dead-letter topic ({@link Topics#TELEMETRY_DLQ}, {@link
 * Topics#COMMANDS_DLQ}). The record keeps the original's key and value byte for byte; the headers
 * say why it could never be handled and where it came from, so an operator can find, fix and replay
 * it. Header values are UTF-8 text (numbers in decimal).
 */
public final class DeadLetters {
  /** Why the record could never be handled: what the decoder or the check found wrong. */
  public static final String REASON = "setpoint-dlq-reason";

  /** The topic the record was read from. */
  public static final String TOPIC = "setpoint-dlq-topic";

  /** The partition the record was read from. */
  public static final String PARTITION = "setpoint-dlq-partition";

  /** The record's offset in that partition. */
  public static final String OFFSET = "setpoint-dlq-offset";

  /** The most characters of a reason kept in the header; a longer one is cut. */
  public static final int MAX_REASON_CHARS = 1_000;

  private DeadLetters() {}

  /** The reason as it goes into {@link #REASON}: never null, at most {@link #MAX_REASON_CHARS}. */
  public static String reason(String reason) {
    String text = reason == null || reason.isBlank() ? "unknown" : reason;
    return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS);
  }
}
