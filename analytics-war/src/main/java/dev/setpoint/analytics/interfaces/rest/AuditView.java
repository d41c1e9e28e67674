package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.contracts.audit.AuditCodec;
import dev.setpoint.contracts.audit.AuditRecord;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;

/**
 * An audit record as the API shows it: the record as it travels ({@link AuditCodec}; an absent
 * field, such as the state before a creation, left out), its states before and after as JSON
 * objects rather than the text the record keeps them as.
 */
final class AuditView {
  private AuditView() {}

  static JsonObject of(AuditRecord r, AuditCodec codec) {
    JsonObjectBuilder json = Json.createObjectBuilder(object(codec.encode(r)));
    if (r.before() != null) {
      json.add("before", object(r.before()));
    }
    if (r.after() != null) {
      json.add("after", object(r.after()));
    }
    return json.build();
  }

  /**
   * The text as a JSON object; text that is not one (never written by the codec, which checks it)
   * is shown as {@code {"text": …}} rather than failing the page.
   */
  static JsonObject object(String text) {
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return Json.createObjectBuilder().add("text", text).build();
    }
  }

  /** A page of the audit trail as the API shows it. */
  public record Page(List<JsonObject> records, long total, int page, int size) {
    static Page of(AuditTrail.Page p, AuditCodec codec) {
      return new Page(
          p.records().stream().map(r -> AuditView.of(r, codec)).toList(),
          p.total(),
          p.page(),
          p.size());
    }
  }
}
