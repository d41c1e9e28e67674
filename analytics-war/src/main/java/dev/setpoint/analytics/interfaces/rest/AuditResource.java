package dev.setpoint.analytics.interfaces.rest;

import static dev.setpoint.analytics.interfaces.rest.QueryParams.blank;
import static dev.setpoint.analytics.interfaces.rest.QueryParams.instant;
import static dev.setpoint.analytics.interfaces.rest.QueryParams.name;
import static dev.setpoint.analytics.interfaces.rest.QueryParams.number;

import dev.setpoint.analytics.application.audit.AuditTrail;
import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.domain.audit.AuditQuery;
import dev.setpoint.contracts.audit.AuditCodec;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail (README "Audit trail"; operator JWT): {@code GET
 * /api/v1/audit?from=&to=&user=&device=&kind=&page=&size=&format=} answers every change recorded
 * anywhere (analytics' own, and the edge's that came through Kafka), newest first, one page ({@code
 * size} {@value #DEFAULT_SIZE} by default, at most {@value #MAX_SIZE}) with the total: as {@code
 * {"records": [...], "total", "page", "size"}}, each record's {@code before} and {@code after} a
 * JSON object, or as CSV with {@code format=csv} or {@code Accept: text/csv}. {@code from} and
 * {@code to} are ISO-8601 instants (or epoch milliseconds), {@code from} inclusive, {@code to}
 * exclusive; {@code user} is the actor (a user, a device, {@code recommender}, {@code system}). 400
 * names the parameter at fault; 503 when the store does not answer.
 */
@Path("/v1/audit")
@ApplicationScoped
@Requires(Role.OPERATOR)
@Produces({MediaType.APPLICATION_JSON, SavingsHttp.CSV})
@Tag(name = "audit", description = "The audit trail of every change, edge and cloud")
@SecurityRequirement(name = AnalyticsApplication.OPERATOR_JWT)
public class AuditResource {
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 1000;

  /** A kind as the records name them: lower-case words joined by underscores. */
  private static final Pattern KIND = Pattern.compile("[a-z][a-z_]{0,63}");

  private final AuditTrail trail;
  private final AuditCodec codec = new AuditCodec();

  @Inject
  public AuditResource(AuditTrail trail) {
    this.trail = trail;
  }

  /** For CDI's proxy only. */
  protected AuditResource() {
    this.trail = null;
  }

  @GET
  @Operation(summary = "The audit trail, newest first, filtered and paged; JSON or CSV")
  @APIResponse(responseCode = "200", description = "one page and the total")
  @APIResponse(responseCode = "400", description = "a parameter is wrong; the body names it")
  public Response list(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("user") String user,
      @QueryParam("device") String device,
      @QueryParam("kind") String kind,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("format") String format,
      @Context HttpHeaders headers) {
    boolean csv = csv(format, headers);
    AuditQuery query = query(from, to, user, device, kind, page, size);
    AuditTrail.Page found = trail.list(query);
    if (csv) {
      return SavingsHttp.file(AuditCsv.of(found.records()), SavingsHttp.CSV, "audit.csv");
    }
    return Response.ok(AuditView.Page.of(found, codec), MediaType.APPLICATION_JSON_TYPE).build();
  }

  @PreDestroy
  void close() {
    codec.close();
  }

  /**
   * The query the parameters ask for.
   *
   * @throws InvalidHistoryRequestException naming the parameter at fault
   */
  static AuditQuery query(
      String from, String to, String user, String device, String kind, String page, String size) {
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (start != null && end != null && !end.isAfter(start)) {
      throw new InvalidHistoryRequestException("to", "must be after from");
    }
    String k = name("kind", kind);
    if (k != null && !KIND.matcher(k).matches()) {
      throw new InvalidHistoryRequestException(
          "kind", "must be a kind such as device, command or room_mode");
    }
    return new AuditQuery(
        start,
        end,
        name("user", user),
        name("device", device),
        k,
        number("page", page, 0, AlertResource.MAX_PAGE, 0),
        number("size", size, 1, MAX_SIZE, DEFAULT_SIZE));
  }

  /**
   * Whether CSV is asked for: {@code format=csv}, or no format and an {@code Accept} whose
   * preferred type is {@code text/csv}.
   */
  static boolean csv(String format, HttpHeaders headers) {
    if (!blank(format)) {
      return switch (format.strip().toLowerCase(Locale.ROOT)) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw new InvalidHistoryRequestException("format", "must be json or csv");
      };
    }
    if (headers == null || headers.getAcceptableMediaTypes().isEmpty()) {
      return false;
    }
    MediaType preferred = headers.getAcceptableMediaTypes().getFirst();
    return "text".equals(preferred.getType()) && "csv".equals(preferred.getSubtype());
  }
}
