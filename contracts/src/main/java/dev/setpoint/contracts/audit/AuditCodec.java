package dev.setpoint.contracts.audit;

import dev.setpoint.contracts.buffer.OutboxMessage;
import dev.setpoint.contracts.telemetry.JsonPayloads;
import dev.setpoint.contracts.telemetry.TelemetryFormatException;
import dev.setpoint.contracts.telemetry.Topics;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/**
 * Makes {@link AuditRecord}s and turns them into the JSON that travels on {@link Topics#AUDIT}
 * (through the edge's outbox) and back. A record's {@code before} and {@code after} are JSON
 * objects written as text inside it; decoding checks every required field and that those two are
 * objects, so the cloud never stores half a record. Thread-safe; create one per service and reuse
 * it.
 */
public final class AuditCodec implements AutoCloseable {
  private final JsonPayloads json = new JsonPayloads();

  /**
   * The change as a record: who made it, when, in which service.
   *
   * @param id the record's identity end to end, a random UUID
   * @param origin {@link #origin} of the service that records it
   */
  public AuditRecord record(
      String id, Instant at, String origin, AuditActor who, AuditChange change) {
    return new AuditRecord(
        id,
        at,
        who.name(),
        who.role(),
        who.address(),
        origin,
        change.kind(),
        change.action(),
        change.target(),
        change.device(),
        change.site(),
        change.room(),
        snapshot(change.before()),
        snapshot(change.after()));
  }

  /**
   * A state as the JSON object a record keeps: as JSON-B writes it, or, for a value JSON-B writes
   * as something else (a number, a string), {@code {"value": …}}; null stays null.
   */
  public String snapshot(Object state) {
    if (state == null) {
      return null;
    }
    String written = json.write(state);
    return written.startsWith("{") ? written : "{\"value\":" + written + "}";
  }

  /** The record as JSON. */
  public String encode(AuditRecord record) {
    return json.write(record);
  }

  /**
   * The record as the edge's outbox keeps it until the relay forwarded it: to {@link Topics#AUDIT},
   * keyed by the record's id, in the order the changes were made.
   */
  public OutboxMessage outboxMessage(AuditRecord record) {
    return new OutboxMessage(
        record.id(), Topics.AUDIT, record.id(), encode(record), record.at().toEpochMilli());
  }

  /**
   * Parses and checks one payload.
   *
   * @throws TelemetryFormatException naming the field at fault
   */
  public AuditRecord decode(String payload) {
    AuditRecord record = json.read(payload, AuditRecord.class, "audit");
    JsonPayloads.require(record.id(), "id");
    if (record.at() == null) {
      throw new TelemetryFormatException("at is required");
    }
    JsonPayloads.require(record.actor(), "actor");
    JsonPayloads.require(record.origin(), "origin");
    JsonPayloads.require(record.kind(), "kind");
    JsonPayloads.require(record.action(), "action");
    JsonPayloads.require(record.target(), "target");
    requireObject(record.before(), "before");
    requireObject(record.after(), "after");
    return record;
  }

  /**
   * The name of the service that records, as {@code origin} says it: {@code ingest}, or {@code
   * ingest@<site>} at an edge hub that knows its site.
   */
  public static String origin(String service, String site) {
    return site == null || site.isBlank() ? service : service + "@" + site.strip();
  }

  private static void requireObject(String text, String field) {
    if (text == null) {
      return;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      if (reader.readValue().getValueType() != JsonValue.ValueType.OBJECT) {
        throw new TelemetryFormatException(field + " must be a JSON object");
      }
    } catch (JsonException e) {
      throw new TelemetryFormatException(field + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    json.close();
  }
}
