package dev.setpoint.ingest.infrastructure.persistence;

/** What became of one event of a batch write. */
sealed interface WriteOutcome {
  /** Stored durably. */
  WriteOutcome STORED = new Stored();

  /** Not stored: an event with the same id is already stored (or came earlier in the batch). */
  WriteOutcome DUPLICATE = new Duplicate();

  record Stored() implements WriteOutcome {}

  record Duplicate() implements WriteOutcome {}

  /**
   * Not known to be stored.
   *
   * @param reason what went wrong, for the caller's 503; says whether the event may be stored
   * @param cause the store's exception, or {@code null}
   */
  record Failed(String reason, Throwable cause) implements WriteOutcome {}
}
