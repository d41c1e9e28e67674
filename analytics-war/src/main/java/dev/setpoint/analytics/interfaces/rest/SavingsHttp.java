package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Set;

/**
 * What the savings endpoints share (their resources: RoomBaselineResource, RoomSavingsResource,
 * RoomPilotResource, RoomReportResource, SiteReportResource). Measured savings for operators
 * (README "Measured savings"; operator JWT on every method):
 *
 * <ul>
 *   <li>{@code PUT /api/v1/rooms/{room}/baseline} with {@code {"from", "to"}} (ISO-8601 instants):
 *       sets the room's baseline period (ended, a week to 400 days) and answers its fit, as {@code
 *       GET} does; {@code DELETE} removes it;
 *   <li>{@code GET /api/v1/rooms/{room}/baseline}: the baselines fitted on it, per meter ({@code
 *       cooling}, and {@code cooling_it} where IT is metered), each accepted or refused with
 *       Guideline 14's statistics and the reason, and the hours excluded by reason;
 *   <li>{@code GET /api/v1/rooms/{room}/savings?from=&to=}: the savings over the reporting period
 *       (default from the baseline period's end to now) per meter, with their 68 % and 90 %
 *       half-widths, or the reason there are none;
 *   <li>{@code PUT /api/v1/rooms/{room}/pilot} with {@code {"start": "2026-12-07", "days": 84,
 *       "periodDays": 7, "fixedSetpoint": 20.0, "zone": "UTC", "carryOverHours": 48, "seed": n}}
 *       (only {@code start} and {@code fixedSetpoint} are required; the seed is drawn when absent):
 *       schedules a pilot, during which the recommender commands the fixed setpoint on the
 *       schedule's fixed days (a room in {@code auto}); {@code GET} answers its schedule, what was
 *       done on each day and the comparison so far; {@code POST …/pilot/stop} stops it;
 *   <li>{@code GET /api/v1/rooms/{room}/reports/{yyyy-MM}?zone=&format=json|csv|html}: the room's
 *       monthly report; {@code …/reports/{yyyy-MM}/{figure}} one figure of it ({@code energy},
 *       {@code savings}, {@code pilot}, {@code envelope}, {@code setpoints}, {@code alerts} (the
 *       meters'), {@code room-alerts} (those raised for the room), {@code days});
 *   <li>{@code GET /api/v1/sites/{site}/reports/{yyyy-MM}?zone=&format=}: the site's.
 * </ul>
 *
 * 400 naming the parameter or field at fault; 404 for a room not known; 409 when the room's plan
 * cannot serve the request (no baseline period, a pilot already running), saying why; 503 when a
 * store does not answer (nothing changed).
 */
final class SavingsHttp {
  static final String CSV = "text/csv";

  private SavingsHttp() {}

  static String format(String format) {
    String f = blank(format) ? "json" : format.strip().toLowerCase(Locale.ROOT);
    if (!Set.of("json", "csv", "html").contains(f)) {
      throw new InvalidHistoryRequestException("format", "must be json, csv or html");
    }
    return f;
  }

  static Response file(String body, String type, String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return Response.ok(body, type + "; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + safe + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
