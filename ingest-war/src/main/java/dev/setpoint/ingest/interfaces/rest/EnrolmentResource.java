package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.AddDeviceRequest;
import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.BaseResponse;
import dev.setpoint.contracts.enrolment.Enrolment;
import dev.setpoint.contracts.enrolment.EnrolmentResponse;
import dev.setpoint.contracts.security.Public;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.application.EnrolmentForbiddenException;
import dev.setpoint.ingest.application.EnrolmentRefusedException;
import dev.setpoint.ingest.application.EnrolmentService;
import dev.setpoint.ingest.application.EnrolmentThrottledException;
import dev.setpoint.ingest.application.InvalidEnrolmentException;
import dev.setpoint.ingest.domain.EnrolmentCode;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Enrolment: operators make, list and revoke enrolment codes under {@code /api/enrolment/codes}; a
 * device trades a code for its own token with {@code POST /api/enrolment} ({@link Enrolment}), the
 * one public write of ingest: the code is its credential.
 *
 * <p>A code is in the 201 answer to its making, once ({@code Cache-Control: no-store}); a listing
 * shows what each code allows and its state, never the code. A refused code is 401 with the same
 * message whatever the reason; a code that does not allow a device is 403 naming what it does not
 * allow; an address that tried too many refused codes is 429 with {@code Retry-After}.
 */
@Path("/enrolment")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentResource {
  static final int MAX_BODY_BYTES = 65_536;
  private static final Set<String> FIELDS =
      Set.of("description", "devices", "count", "profiles", "service", "expiresIn");

  private final EnrolmentService enrolment;

  @Inject
  public EnrolmentResource(EnrolmentService enrolment) {
    this.enrolment = enrolment;
  }

  /** For CDI's proxy only. */
  protected EnrolmentResource() {
    this(null);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Public
  public Response enrol(
      @HeaderParam(Enrolment.CODE_HEADER) String code,
      MetadataBatch.AddDevices body,
      @Context HttpServletRequest http) {
    return answer(
        () -> {
          List<EnrolmentResponse.EnrolledDevice> devices = new ArrayList<>();
          List<AddDeviceRequest> requests = body.requests();
          List<EnrolmentService.Enrolled> enrolled =
              enrolment.enrol(
                  code,
                  requests.stream().map(AddDeviceRequest::device).toList(),
                  http.getRemoteAddr());
          for (int i = 0; i < enrolled.size(); i++) {
            EnrolmentService.Enrolled e = enrolled.get(i);
            devices.add(
                new EnrolmentResponse.EnrolledDevice(
                    e.token().deviceName(), e.id(), e.token().token(), e.rotated()));
          }
          return Response.status(201)
              .header("Cache-Control", "no-store")
              .entity(new EnrolmentResponse(ApiVersion.V3, 201, devices))
              .build();
        });
  }

  @POST
  @Path("codes")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.OPERATOR)
  public Response create(
      InputStream body, @Context SecurityContext security, @Context HttpServletRequest http) {
    JsonObject request = RequestBodies.object(body, MAX_BODY_BYTES, FIELDS);
    EnrolmentService.NewCode asked =
        new EnrolmentService.NewCode(
            RequestBodies.string(request, "description"),
            strings(request, "devices"),
            count(request),
            strings(request, "profiles"),
            RequestBodies.string(request, "service"),
            duration(request));
    return answer(
        () -> {
          EnrolmentService.IssuedCode issued =
              enrolment.create(asked, AuditActors.of(security, http));
          JsonObject json =
              json(issued.stored(), enrolment.now())
                  .add("apiVersion", ApiVersion.V3)
                  .add("statusCode", 201)
                  .add("code", issued.code())
                  .build();
          return Response.status(201).header("Cache-Control", "no-store").entity(json).build();
        });
  }

  @GET
  @Path("codes")
  @Requires(Role.OPERATOR)
  public Response list() {
    return answer(
        () -> {
          long now = enrolment.now();
          JsonArrayBuilder codes = Json.createArrayBuilder();
          enrolment.list().forEach(c -> codes.add(json(c, now)));
          return Response.ok(
                  Json.createObjectBuilder()
                      .add("apiVersion", ApiVersion.V3)
                      .add("statusCode", 200)
                      .add("codes", codes)
                      .build())
              .build();
        });
  }

  @DELETE
  @Path("codes/{id}")
  @Requires(Role.OPERATOR)
  public Response revoke(
      @PathParam("id") String id,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    return answer(
        () -> {
          if (!enrolment.revoke(id, AuditActors.of(security, http))) {
            return EdgeXErrors.of(404, null, "no enrolment code has the id '" + id + "'");
          }
          return Response.ok(new BaseResponse(ApiVersion.V3, null, null, 200)).build();
        });
  }

  private static Response answer(Supplier<Response> action) {
    try {
      return action.get();
    } catch (EnrolmentRefusedException e) {
      return Response.fromResponse(EdgeXErrors.of(401, null, e.getMessage()))
          .header(HttpHeaders.WWW_AUTHENTICATE, Enrolment.CODE_HEADER + " realm=\"setpoint\"")
          .build();
    } catch (EnrolmentForbiddenException e) {
      return EdgeXErrors.of(403, null, e.getMessage());
    } catch (EnrolmentThrottledException e) {
      return Response.fromResponse(EdgeXErrors.of(429, null, e.getMessage()))
          .header("Retry-After", Math.max(1, e.retryAfter().toSeconds()))
          .build();
    } catch (InvalidEnrolmentException e) {
      return EdgeXErrors.of(400, null, e.getMessage());
    } catch (StoreUnavailableException e) {
      return EdgeXErrors.of(503, null, e.getMessage() + "; retry later");
    } catch (RuntimeException e) {
      OptionalInt status = MetadataResponses.status(e);
      if (status.isEmpty()) {
        throw e;
      }
      return EdgeXErrors.of(
          status.getAsInt(), null, MetadataResponses.message(e, status.getAsInt()));
    }
  }

  /** A code as a listing shows it: what it allows and its state, never the code or its hash. */
  private static JsonObjectBuilder json(EnrolmentCode code, long now) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", code.id())
            .add("state", code.state(now).name().toLowerCase(java.util.Locale.ROOT))
            .add("createdBy", code.createdBy())
            .add("createdAt", Instant.ofEpochMilli(code.createdAt()).toString())
            .add("expiresAt", Instant.ofEpochMilli(code.expiresAt()).toString())
            .add("profiles", Json.createArrayBuilder(code.profiles()))
            .add("devices", Json.createArrayBuilder(code.devices()))
            .add("remaining", code.remaining())
            .add("used", Json.createArrayBuilder(code.used()));
    if (code.description() != null) {
      json.add("description", code.description());
    }
    if (code.service() != null) {
      json.add("service", code.service());
    }
    if (code.revokedAt() != null) {
      json.add("revokedAt", Instant.ofEpochMilli(code.revokedAt()).toString());
    }
    return json;
  }

  private static List<String> strings(JsonObject object, String field) {
    JsonValue value = object.get(field);
    if (value == null || value == JsonValue.NULL) {
      return List.of();
    }
    if (!(value instanceof JsonArray array)) {
      throw new BadRequestBodyException(400, field + ": must be an array of names");
    }
    List<String> names = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.get(i) instanceof JsonString text)) {
        throw new BadRequestBodyException(400, field + "[" + i + "]: must be a string");
      }
      names.add(text.getString());
    }
    return names;
  }

  private static Integer count(JsonObject object) {
    JsonValue value = object.get("count");
    if (value == null || value == JsonValue.NULL) {
      return null;
    }
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      throw new BadRequestBodyException(400, "count: must be a whole number");
    }
    try {
      return number.intValueExact();
    } catch (ArithmeticException e) {
      throw new BadRequestBodyException(400, "count: out of range");
    }
  }

  private static Duration duration(JsonObject object) {
    String text = RequestBodies.string(object, "expiresIn");
    if (text == null) {
      return null;
    }
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadRequestBodyException(
          400, "expiresIn: '" + text + "' is not an ISO-8601 duration such as PT24H");
    }
  }
}
