package dev.setpoint.contracts.buffer;

/**
 * The edge buffer's stored layout, a batch log shared by ingest (which appends to it and reads it
 * for EdgeX) and the relay (which drains and compacts it). Names only: each side maps documents
 * with the MongoDB driver, and ingest's {@code StoredLayoutIT} holds the layout fixed.
 *
 * <ul>
 *   <li>{@link #COLLECTION}: one document per ingest write batch, {@code _id} a long sequence
 *       number, dense and increasing ({@link #SEQUENCE}; reserved by ingest a block at a time);
 *       fields {@link #STORED_AT} (ms since the epoch), {@link #COUNT} (events in it), {@link
 *       #DEVICES} (a summary: one {@code {d: deviceName, n: count}} per device) and {@link
 *       #EVENTS}: the batch's events in arrival order, each with the fields of {@link
 *       BufferedEvent} under their column names, the event id as {@link #EVENT_ID}, without {@code
 *       state} and {@code forwardedAt}. A number ingest reserved and did not use holds a batch with
 *       no events; a number whose write failed holds nothing (a gap).
 *   <li>{@link #META}: the sequence counter ({@code _id} {@link #SEQUENCE}: {@link #SEQ} last
 *       reserved, {@link #EVENTS_TOTAL} events appended as far as ingest has told it, at most a
 *       block's events behind, {@link #AT} when) and the relay's cursor ({@code _id} {@link
 *       #TELEMETRY_CURSOR}: {@link #SEQ} forwarded through, {@link #EVENTS_TOTAL} events forwarded,
 *       {@link #AT}, {@link #COMPACTED} deleted through).
 *   <li>{@link #REJECTED}: events that break the layout, set aside by the relay with {@link
 *       #REASON}, {@code _id} the event id (or {@code seq:index} when the id itself is unreadable).
 * </ul>
 *
 * <p>No document per event: ingest's duplicate check keeps each device's newest ids in memory, and
 * a lookup by event id walks the log (a random-keyed document per event costs the store a page
 * rewrite per event, see docs/benchmarks.md).
 */
public final class EdgeLog {
  /** The batch documents. */
  public static final String COLLECTION = "edgelog";

  /** The sequence counter and the relay's cursor. */
  public static final String META = "edgelogMeta";

  /** Events set aside as unforwardable. */
  public static final String REJECTED = "edgelogRejected";

  /** {@code _id} of the sequence counter in {@link #META}. */
  public static final String SEQUENCE = "sequence";

  /** {@code _id} of the relay's telemetry cursor in {@link #META}. */
  public static final String TELEMETRY_CURSOR = "telemetry";

  public static final String ID = "_id";
  public static final String SEQ = "seq";
  public static final String AT = "at";
  public static final String EVENTS_TOTAL = "events";
  public static final String COMPACTED = "compacted";
  public static final String STORED_AT = "storedAt";
  public static final String COUNT = "n";
  public static final String DEVICES = "devices";
  public static final String DEVICE = "d";
  public static final String EVENTS = "events";
  public static final String EVENT_ID = "id";
  public static final String REASON = "reason";
  public static final String EVENT = "event";

  private EdgeLog() {}
}
