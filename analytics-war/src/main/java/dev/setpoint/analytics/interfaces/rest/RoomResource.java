package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.Recommender;
import dev.setpoint.analytics.application.room.RoomModes;
import dev.setpoint.analytics.application.room.RoomSnapshot;
import dev.setpoint.analytics.domain.DeviceRecommendation;
import dev.setpoint.analytics.domain.room.ControlMode;
import dev.setpoint.analytics.domain.room.ControlStoreUnavailableException;
import dev.setpoint.analytics.domain.room.RoomControl;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.StringReader;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rooms and their modes, for operators (operator JWT on every method):
 *
 * <ul>
 *   <li>{@code GET /api/v1/rooms}: every room known (seen in telemetry since start, or with a
 *       stored mode), each as {@code GET /api/v1/rooms/{room}} shows it;
 *   <li>{@code GET /api/v1/rooms/{room}}: its mode (and who set it, when), its controller and
 *       sensors with their latest readings, and its last decision with the reason, the predicted
 *       hottest inlet (and, from a model with a power head, the predicted power, kW) for the chosen
 *       and the current setpoint, and the margin it kept — why the room is at its setpoint; 404 for
 *       a room not known;
 *   <li>{@code PUT /api/v1/rooms/{room}/mode} with {@code {"mode": "auto" | "advisory" | "off"}}:
 *       stores the mode, which applies from the room's next decision; 400 for a body that is not
 *       that, 404 for a room not known, 503 when the store did not take it (nothing changed);
 *   <li>{@code PUT /api/v1/rooms/{room}/tape} with {@code {"holdingTape": true | false}}: marks the
 *       room as holding tape (its setpoint then changes by at most {@code
 *       setpoint.analytics.rooms.tape-max-change-per-hour} within any hour) or not, its mode kept
 *       (as setting the mode keeps the flag); the same answers.
 * </ul>
 *
 * <p>{@code modeChangedBy} and {@code modeChangedAt} name the last change of the room's control,
 * its mode or its tape flag: each change stores the whole control.
 */
@Path("/v1/rooms")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class RoomResource {
  static final int MAX_BODY = 1024;
  static final String MODE = "mode";
  static final String HOLDING_TAPE = "holdingTape";

  private final Recommender recommender;
  private final RoomModes modes;
  private final KnownRooms rooms;

  @Inject
  public RoomResource(Recommender recommender, RoomModes modes, KnownRooms rooms) {
    this.recommender = recommender;
    this.modes = modes;
    this.rooms = rooms;
  }

  /** For CDI's proxy only. */
  protected RoomResource() {
    this.recommender = null;
    this.modes = null;
    this.rooms = null;
  }

  @GET
  @Requires(Role.VIEWER)
  public Response rooms() {
    TreeSet<String> names = new TreeSet<>(recommender.roomNames());
    names.addAll(modes.controls().keySet());
    JsonArrayBuilder rooms = Json.createArrayBuilder();
    names.forEach(name -> rooms.add(view(name)));
    return Response.ok(
            Json.createObjectBuilder()
                .add("rooms", rooms)
                .add("defaultMode", modes.defaultMode().code())
                .add("storeReachable", modes.isReachable())
                .build())
        .build();
  }

  @GET
  @Path("{room}")
  @Requires(Role.VIEWER)
  public Response room(@PathParam("room") String room) {
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    return Response.ok(view(room)).build();
  }

  @PUT
  @Path("{room}/mode")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.OPERATOR)
  public Response setMode(
      @PathParam("room") String room,
      String body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    return change(
        room,
        body,
        MODE,
        RoomResource::mode,
        "\"auto\" | \"advisory\" | \"off\"",
        mode -> modes.set(room, mode, AuditActors.of(security, http)));
  }

  @PUT
  @Path("{room}/tape")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.OPERATOR)
  public Response setHoldingTape(
      @PathParam("room") String room,
      String body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    return change(
        room,
        body,
        HOLDING_TAPE,
        RoomResource::holdingTape,
        "true | false",
        tape -> modes.setHoldingTape(room, tape, AuditActors.of(security, http)));
  }

  /**
   * Stores one field of a room's control from a body {@code {"<field>": <value>}}: 400 for a body
   * that is not that, 404 for a room not known, 503 when the store did not take it.
   *
   * @param values the values the field may take, for the 400's message
   */
  private <T> Response change(
      String room,
      String body,
      String field,
      Function<String, Optional<T>> parse,
      String values,
      Consumer<T> store) {
    Optional<T> value;
    try {
      value = parse.apply(body);
    } catch (IllegalArgumentException e) {
      return ApiError.response(400, e.getMessage(), field);
    }
    if (value.isEmpty()) {
      return ApiError.response(400, "the body must be {\"" + field + "\": " + values + "}", field);
    }
    if (!rooms.known(room)) {
      return KnownRooms.notFound(room);
    }
    try {
      store.accept(value.get());
    } catch (ControlStoreUnavailableException e) {
      return ApiError.response(
          503,
          "the " + field + " was not stored, the room keeps its " + field + ": " + e.getMessage(),
          null);
    }
    return Response.ok(view(room)).build();
  }

  /** The mode a body names; empty for a well-formed body that names none. */
  static Optional<ControlMode> mode(String body) {
    return only(body, MODE)
        .filter(JsonString.class::isInstance)
        .flatMap(code -> ControlMode.fromCode(((JsonString) code).getString()));
  }

  /** The tape flag a body sets; empty for a well-formed body that sets none. */
  static Optional<Boolean> holdingTape(String body) {
    return only(body, HOLDING_TAPE)
        .map(JsonValue::getValueType)
        .filter(t -> t == JsonValue.ValueType.TRUE || t == JsonValue.ValueType.FALSE)
        .map(t -> t == JsonValue.ValueType.TRUE);
  }

  /**
   * The value of {@code field} in a body that is a JSON object holding it alone; empty for another
   * well-formed object.
   *
   * @throws IllegalArgumentException for a body that is not a JSON object (or is too large)
   */
  private static Optional<JsonValue> only(String body, String field) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("a JSON body {\"" + field + "\": …} is required");
    }
    if (body.length() > MAX_BODY) {
      throw new IllegalArgumentException("the body is larger than " + MAX_BODY + " characters");
    }
    JsonObject json;
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new IllegalArgumentException("the body must be a JSON object");
      }
      json = value.asJsonObject();
    } catch (JsonException e) {
      throw new IllegalArgumentException("the body is not valid JSON: " + e.getMessage());
    }
    return json.size() == 1 ? Optional.ofNullable(json.get(field)) : Optional.empty();
  }

  private JsonObject view(String room) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("room", room);
    Optional<ControlMode> mode = modes.mode(room);
    json.add("mode", mode.map(ControlMode::code).orElse(DeviceRecommendation.MODE_UNKNOWN));
    Optional<RoomControl> control = modes.control(room);
    boolean setByOperator = control.isPresent() && control.get().mode() != null;
    json.add("modeSetBy", setByOperator ? "operator" : mode.isPresent() ? "default" : "none");
    json.add(HOLDING_TAPE, modes.holdingTape(room));
    control.ifPresent(
        c -> {
          if (c.changedBy() != null) {
            json.add("modeChangedBy", c.changedBy());
          }
          json.add("modeChangedAt", c.changedAt().toString());
        });
    recommender.room(room).ifPresent(snapshot -> describe(json, snapshot));
    return json.build();
  }

  static void describe(JsonObjectBuilder json, RoomSnapshot room) {
    if (room.site() != null) {
      json.add("site", room.site());
    }
    if (room.controller() != null) {
      json.add("controller", room.controller());
    }
    if (room.reportedSetpointC() != null) {
      json.add("reportedSetpoint", room.reportedSetpointC());
    }
    JsonArrayBuilder sensors = Json.createArrayBuilder();
    for (RoomSnapshot.Sensor s : room.sensors()) {
      sensors.add(
          Json.createObjectBuilder()
              .add("device", s.device())
              .add("time", s.time().toString())
              .add("temperature", s.temperatureC()));
    }
    json.add("sensors", sensors);
    json.add(
        "bound",
        Json.createObjectBuilder()
            .add("checked", room.boundChecked())
            .add("covered", room.boundCovered()));
    DeviceRecommendation d = room.lastDecision();
    if (d != null) {
      JsonObjectBuilder decision =
          Json.createObjectBuilder()
              .add("time", d.time().toString())
              .add("recommended", d.recommendedC())
              .add("current", d.currentSetpointC())
              .add("margin", d.marginC())
              .add("reason", d.reason())
              .add("mode", d.mode())
              .add("commanded", d.commanded())
              .add("modelVersion", d.modelVersion());
      if (Double.isFinite(d.predictedC())) {
        decision.add("predicted", d.predictedC());
      }
      if (Double.isFinite(d.predictedCurrentC())) {
        decision.add("predictedCurrent", d.predictedCurrentC());
      }
      if (Double.isFinite(d.predictedPowerKw())) {
        decision.add("predictedPower", d.predictedPowerKw());
      }
      if (Double.isFinite(d.predictedPowerCurrentKw())) {
        decision.add("predictedPowerCurrent", d.predictedPowerCurrentKw());
      }
      JsonObjectBuilder inputs =
          Json.createObjectBuilder()
              .add("outdoorSource", d.inputs().outdoorSource())
              .add("sensors", d.inputs().sensors());
      if (Double.isFinite(d.inputs().inletC())) {
        inputs.add("inlet", d.inputs().inletC());
      }
      if (Double.isFinite(d.inputs().outdoorC())) {
        inputs.add("outdoorTemperature", d.inputs().outdoorC());
      }
      decision.add("inputs", inputs);
      json.add("lastDecision", decision);
    }
  }
}
