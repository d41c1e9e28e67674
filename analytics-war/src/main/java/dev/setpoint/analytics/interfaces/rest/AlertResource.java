package dev.setpoint.analytics.interfaces.rest;

import static dev.setpoint.analytics.interfaces.rest.QueryParams.blank;
import static dev.setpoint.analytics.interfaces.rest.QueryParams.code;
import static dev.setpoint.analytics.interfaces.rest.QueryParams.instant;
import static dev.setpoint.analytics.interfaces.rest.QueryParams.name;
import static dev.setpoint.analytics.interfaces.rest.QueryParams.number;

import dev.setpoint.analytics.application.alert.AlertRulesBook;
import dev.setpoint.analytics.application.alert.AlertService;
import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.domain.alert.AlertQuery;
import dev.setpoint.analytics.domain.alert.AlertRuleStore.Overrides;
import dev.setpoint.analytics.domain.alert.AlertState;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.AlertRules;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Alerts for operators (README "Alerts"; operator JWT on every method):
 *
 * <ul>
 *   <li>{@code GET
 *       /api/v1/alerts?state=&severity=&kind=&site=&room=&device=&from=&to=&page=&size=}: the
 *       stored alerts, newest raised first, one page ({@code size} 50 by default, at most 500) with
 *       the total;
 *   <li>{@code GET /api/v1/alerts/{id}}: one alert;
 *   <li>{@code POST /api/v1/alerts/{id}/ack} with {@code {"comment": "..."}}: acknowledges an open
 *       alert (409 for one cleared): reminders stop, the operator and comment are recorded and
 *       subscribers told;
 *   <li>{@code GET /api/v1/alerts/rules?site=&room=}: the thresholds in force for that room of that
 *       site, the defaults, and every scope's overrides;
 *   <li>{@code PUT /api/v1/alerts/rules/{scope}} with {@code {"inletWarningC": 26, ...}}: sets the
 *       overrides of {@code default}, {@code site:<name>} or {@code room:<name>} (replacing its
 *       earlier ones; {@code {}} removes them).
 * </ul>
 */
@Path("/v1/alerts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "alerts", description = "Alerts, their acknowledgement and their rules")
@SecurityRequirement(name = AnalyticsApplication.OPERATOR_JWT)
public class AlertResource {
  static final int MAX_BODY = 4096;
  static final int MAX_COMMENT = 1000;
  static final int MAX_PAGE = 1_000_000;

  private final AlertService alerts;
  private final AlertRulesBook rules;

  @Inject
  public AlertResource(AlertService alerts, AlertRulesBook rules) {
    this.alerts = alerts;
    this.rules = rules;
  }

  /** For CDI's proxy only. */
  protected AlertResource() {
    this.alerts = null;
    this.rules = null;
  }

  @GET
  @Operation(summary = "The stored alerts, newest first, filtered and paged")
  @APIResponse(responseCode = "200", description = "one page and the total")
  @APIResponse(responseCode = "400", description = "a parameter is wrong; the body names it")
  @Requires(Role.VIEWER)
  public Response list(
      @QueryParam("state") String state,
      @QueryParam("severity") String severity,
      @QueryParam("kind") String kind,
      @QueryParam("site") String site,
      @QueryParam("room") String room,
      @QueryParam("device") String device,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    AlertQuery q =
        new AlertQuery(
            AlertQuery.OPEN.equals(state) ? null : code("state", state, AlertState::fromCode),
            AlertQuery.OPEN.equals(state),
            code("severity", severity, Severity::fromCode),
            code("kind", kind, AlertKind::fromCode),
            name("site", site),
            name("room", room),
            name("device", device),
            instant("from", from),
            instant("to", to),
            number("page", page, 0, MAX_PAGE, 0),
            number("size", size, 1, 500, 50));
    return Response.ok(AlertView.Page.of(alerts.list(q))).build();
  }

  @GET
  @Path("rules")
  @Operation(
      summary = "The thresholds in force for a room of a site, the defaults and the overrides")
  @Requires(Role.VIEWER)
  public Response rules(@QueryParam("site") String site, @QueryParam("room") String room) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("site", name("site", site));
    body.put("room", name("room", room));
    body.put("effective", rules.rules(name("site", site), name("room", room)).values());
    body.put("defaults", AlertRules.DEFAULTS.values());
    Map<String, Overrides> scopes = rules.scopes();
    body.put("overrides", scopes);
    return Response.ok(body).build();
  }

  @PUT
  @Path("rules/{scope}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Sets a scope's overrides: default, site:<name> or room:<name>")
  @APIResponse(responseCode = "200", description = "stored; the scope's overrides")
  @APIResponse(responseCode = "400", description = "a threshold or the scope is wrong")
  @Requires(Role.ADMIN)
  public Response setRules(
      @PathParam("scope") String scope,
      String body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    JsonBody json = JsonBody.parse(body, MAX_BODY, Set.copyOf(AlertRules.names()));
    Map<String, Double> overrides = new LinkedHashMap<>();
    for (String name : AlertRules.names()) {
      json.number(name).map(JsonNumber::doubleValue).ifPresent(v -> overrides.put(name, v));
    }
    try {
      return Response.ok(rules.set(scope, overrides, AuditActors.of(security, http))).build();
    } catch (IllegalArgumentException e) {
      throw new InvalidHistoryRequestException(
          e.getMessage().startsWith("scope") ? "scope" : "body", e.getMessage());
    }
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One alert")
  @APIResponse(responseCode = "404", description = "no such alert")
  @Requires(Role.VIEWER)
  public Response alert(@PathParam("id") String id) {
    return alerts
        .find(id)
        .map(a -> Response.ok(AlertView.of(a)).build())
        .orElseGet(() -> ApiError.response(404, "no alert '" + id + "'", "id"));
  }

  @POST
  @Path("{id}/ack")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Acknowledges an open alert with a comment")
  @APIResponse(responseCode = "200", description = "acknowledged; the alert")
  @APIResponse(responseCode = "404", description = "no such alert")
  @APIResponse(responseCode = "409", description = "the alert has cleared")
  @Requires(Role.OPERATOR)
  public Response acknowledge(
      @PathParam("id") String id,
      String body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    String comment =
        blank(body)
            ? ""
            : JsonBody.parse(body, MAX_BODY, Set.of("comment")).string("comment").orElse("");
    if (comment.length() > MAX_COMMENT) {
      throw new InvalidHistoryRequestException(
          "comment", "is longer than " + MAX_COMMENT + " characters");
    }
    try {
      return alerts
          .acknowledge(id, AuditActors.of(security, http), comment)
          .map(a -> Response.ok(AlertView.of(a)).build())
          .orElseGet(() -> ApiError.response(404, "no alert '" + id + "'", "id"));
    } catch (IllegalStateException e) {
      return ApiError.response(409, e.getMessage(), "id");
    }
  }
}
