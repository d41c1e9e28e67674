package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.contracts.audit.AuditRecord;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * An audit record as the API shows it: its states before and after as JSON objects (the record
 * keeps them as text); an absent field (no role, no device, no state before a creation) is left
 * out.
 */
public record AuditView(
    String id,
    Instant at,
    String actor,
    String role,
    String address,
    String origin,
    String kind,
    String action,
    String target,
    String device,
    String site,
    String room,
    JsonObject before,
    JsonObject after) {

  static AuditView of(AuditRecord r) {
    return new AuditView(
        r.id(),
        r.at(),
        r.actor(),
        r.role(),
        r.address(),
        r.origin(),
        r.kind(),
        r.action(),
        r.target(),
        r.device(),
        r.site(),
        r.room(),
        object(r.before()),
        object(r.after()));
  }

  /**
   * The state a record keeps as text, as an object; text that is not one (never written by the
   * codec, which checks it) is shown as {@code {"text": …}} rather than failing the page.
   */
  static JsonObject object(String text) {
    if (text == null) {
      return null;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return Json.createObjectBuilder().add("text", text).build();
    }
  }

  /** A page of the audit trail as the API shows it. */
  public record Page(List<AuditView> records, long total, int page, int size) {
    static Page of(AuditTrail.Page p) {
      return new Page(
          p.records().stream().map(AuditView::of).toList(), p.total(), p.page(), p.size());
    }
  }
}
