package dev.setpoint.analytics.interfaces.rest;

import dev.setpoint.analytics.application.history.InvalidHistoryRequestException;
import dev.setpoint.analytics.application.notify.InvalidSubscriptionException;
import dev.setpoint.analytics.application.notify.Notifications;
import dev.setpoint.analytics.application.notify.SubscriptionConflictException;
import dev.setpoint.analytics.application.notify.SubscriptionDraft;
import dev.setpoint.analytics.application.notify.Subscriptions;
import dev.setpoint.analytics.application.notify.WebhookTargets.HostPort;
import dev.setpoint.analytics.domain.alert.AlertEvent;
import dev.setpoint.analytics.domain.notify.AdminState;
import dev.setpoint.analytics.domain.notify.Channel;
import dev.setpoint.analytics.domain.notify.ChannelType;
import dev.setpoint.analytics.domain.notify.EmailChannel;
import dev.setpoint.analytics.domain.notify.Subscription;
import dev.setpoint.analytics.domain.notify.Transmission;
import dev.setpoint.analytics.domain.notify.TransmissionPage;
import dev.setpoint.analytics.domain.notify.TransmissionQuery;
import dev.setpoint.analytics.domain.notify.TransmissionRecord;
import dev.setpoint.analytics.domain.notify.TransmissionStatus;
import dev.setpoint.analytics.domain.notify.WebhookChannel;
import dev.setpoint.analytics.domain.notify.WebhookFormat;
import dev.setpoint.analytics.infrastructure.notify.WebhookBodies;
import dev.setpoint.contracts.alert.AlertKind;
import dev.setpoint.contracts.alert.Severity;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Alert notifications for operators (README "Notifications"; operator JWT on every method), in the
 * shape of EdgeX's support-notifications v3:
 *
 * <ul>
 *   <li>{@code GET /api/v1/notifications/subscriptions}: every subscription, by name;
 *   <li>{@code POST /api/v1/notifications/subscriptions} with {@code {"name", "description",
 *       "receiver", "channels": [{"type": "REST", "url", "format": "json" | "slack"} | {"type":
 *       "EMAIL", "recipients": […]}], "severities", "kinds", "events", "sites", "rooms",
 *       "adminState": "UNLOCKED" | "LOCKED"}} (only {@code name} and {@code channels} required; a
 *       filter left out takes any): 201 with the subscription and its {@code secret}, answered this
 *       once; 409 when the name is taken;
 *   <li>{@code GET}, {@code PUT} (the same body, the whole subscription; {@code "rotateSecret":
 *       true} makes a new secret, answered once) and {@code DELETE
 *       /api/v1/notifications/subscriptions/{name}}; 404 for a name not known;
 *   <li>{@code GET /api/v1/notifications/transmissions?status=&subscription=&page=&size=}: the
 *       transmissions, newest first, a page at a time ({@code page} from 0, {@code size} 1–500,
 *       default 50), with their attempts.
 * </ul>
 *
 * 400 naming the field or parameter at fault (a webhook URL that is not http(s) or points at this
 * service is one: {@code channels[0].url}); 503 when the store does not answer (nothing changed).
 */
@Path("/v1/notifications")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "notifications", description = "Alert subscriptions, their channels and transmissions")
@SecurityRequirement(name = AnalyticsApplication.OPERATOR_JWT)
public class NotificationResource {
  static final int MAX_BODY = 16 * 1024;
  static final int DEFAULT_SIZE = 50;
  static final int MAX_SIZE = 500;

  static final String NAME = "name";
  static final String DESCRIPTION = "description";
  static final String RECEIVER = "receiver";
  static final String CHANNELS = "channels";
  static final String SEVERITIES = "severities";
  static final String KINDS = "kinds";
  static final String EVENTS = "events";
  static final String SITES = "sites";
  static final String ROOMS = "rooms";
  static final String ADMIN_STATE = "adminState";
  static final String ROTATE_SECRET = "rotateSecret";

  private static final List<String> FIELDS =
      List.of(
          NAME,
          DESCRIPTION,
          RECEIVER,
          CHANNELS,
          SEVERITIES,
          KINDS,
          EVENTS,
          SITES,
          ROOMS,
          ADMIN_STATE);

  private final Subscriptions subscriptions;
  private final Notifications notifications;

  @Inject
  public NotificationResource(Subscriptions subscriptions, Notifications notifications) {
    this.subscriptions = subscriptions;
    this.notifications = notifications;
  }

  /** For CDI's proxy only. */
  protected NotificationResource() {
    this.subscriptions = null;
    this.notifications = null;
  }

  @GET
  @Path("subscriptions")
  @Operation(summary = "Every subscription, by name (without secrets)")
  @Requires(Role.ADMIN)
  public Response list() {
    JsonArrayBuilder all = Json.createArrayBuilder();
    List<Subscription> list = subscriptions.all();
    list.forEach(s -> all.add(view(s, false)));
    return Response.ok(list(list.size(), all)).build();
  }

  /** The list's body: {@code {"totalCount", "subscriptions"}} (a built object, not its builder). */
  static JsonObject list(int total, JsonArrayBuilder subscriptions) {
    return Json.createObjectBuilder()
        .add("totalCount", total)
        .add("subscriptions", subscriptions)
        .build();
  }

  @POST
  @Path("subscriptions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Makes a subscription; answers its secret, this once")
  @APIResponse(responseCode = "201", description = "made; the subscription with its secret")
  @APIResponse(responseCode = "400", description = "a field is wrong; the body names it")
  @APIResponse(responseCode = "409", description = "a subscription of that name exists")
  @Requires(Role.ADMIN)
  public Response create(
      String body,
      @Context SecurityContext security,
      @Context HttpServletRequest http,
      @Context UriInfo uri) {
    Request request = request(body, false);
    Subscription s;
    try {
      s = subscriptions.create(request.draft(), AuditActors.of(security, http), self(uri));
    } catch (InvalidSubscriptionException e) {
      return ApiError.response(400, e.getMessage(), e.field());
    } catch (SubscriptionConflictException e) {
      return ApiError.response(409, e.getMessage(), NAME);
    }
    return Response.created(uri.getAbsolutePathBuilder().path(s.name()).build())
        .entity(view(s, true))
        .build();
  }

  @GET
  @Path("subscriptions/{name}")
  @Operation(summary = "One subscription (without its secret)")
  @APIResponse(responseCode = "404", description = "no subscription of that name")
  @Requires(Role.ADMIN)
  public Response subscription(@PathParam("name") String name) {
    return subscriptions
        .find(name)
        .map(s -> Response.ok(view(s, false)).build())
        .orElseGet(() -> notFound(name));
  }

  @PUT
  @Path("subscriptions/{name}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replaces a subscription's settings; rotateSecret: true makes a new secret")
  @APIResponse(responseCode = "200", description = "stored; the subscription")
  @APIResponse(responseCode = "400", description = "a field is wrong; the body names it")
  @APIResponse(responseCode = "404", description = "no subscription of that name")
  @Requires(Role.ADMIN)
  public Response update(
      @PathParam("name") String name,
      String body,
      @Context SecurityContext security,
      @Context HttpServletRequest http,
      @Context UriInfo uri) {
    Request request = request(body, true);
    Optional<Subscription> s;
    try {
      s =
          subscriptions.update(
              name,
              request.draft(),
              request.rotateSecret(),
              AuditActors.of(security, http),
              self(uri));
    } catch (InvalidSubscriptionException e) {
      return ApiError.response(400, e.getMessage(), e.field());
    }
    return s.map(x -> Response.ok(view(x, request.rotateSecret())).build())
        .orElseGet(() -> notFound(name));
  }

  @DELETE
  @Path("subscriptions/{name}")
  @Operation(summary = "Removes a subscription; its transmissions stay listed")
  @APIResponse(responseCode = "204", description = "removed")
  @APIResponse(responseCode = "404", description = "no subscription of that name")
  @Requires(Role.ADMIN)
  public Response delete(
      @PathParam("name") String name,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    return subscriptions.delete(name, AuditActors.of(security, http))
        ? Response.noContent().build()
        : notFound(name);
  }

  @GET
  @Path("transmissions")
  @Operation(summary = "The transmissions, newest first, a page at a time, with their attempts")
  @APIResponse(responseCode = "400", description = "a parameter is wrong; the body names it")
  @Requires(Role.ADMIN)
  public Response transmissions(
      @Parameter(description = "PENDING, RESENDING, SENT or FAILED") @QueryParam("status")
          String status,
      @Parameter(description = "a subscription's name") @QueryParam("subscription")
          String subscription,
      @Parameter(description = "the page, from 0") @QueryParam("page") String page,
      @Parameter(description = "transmissions per page, 1–500 (50)") @QueryParam("size")
          String size) {
    TransmissionQuery query = query(status, subscription, page, size);
    return Response.ok(json(notifications.transmissions(query), query)).build();
  }

  /** The host and port this request reached the service by: a webhook there is refused. */
  private static List<HostPort> self(UriInfo uri) {
    URI base = uri.getBaseUri();
    if (base == null || base.getHost() == null) {
      return List.of();
    }
    int port =
        base.getPort() >= 0
            ? base.getPort()
            : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
    return List.of(new HostPort(base.getHost(), port));
  }

  private static Response notFound(String name) {
    return ApiError.response(404, "subscription '" + name + "' is not known", NAME);
  }

  /** A subscription body as read: the draft, and whether to make a new secret. */
  record Request(SubscriptionDraft draft, boolean rotateSecret) {}

  /**
   * Reads a subscription body strictly: a JSON object of at most {@value #MAX_BODY} characters,
   * only the fields above (and {@code rotateSecret} on a change), each of its type.
   *
   * @throws InvalidHistoryRequestException naming the field at fault (400)
   */
  static Request request(String body, boolean update) {
    JsonObject json = object(body);
    Set<String> allowed = new LinkedHashSet<>(FIELDS);
    if (update) {
      allowed.add(ROTATE_SECRET);
    }
    only(json, allowed, "");
    boolean rotate = false;
    JsonValue r = json.get(ROTATE_SECRET);
    if (r != null && r != JsonValue.NULL) {
      if (r != JsonValue.TRUE && r != JsonValue.FALSE) {
        throw new InvalidHistoryRequestException(ROTATE_SECRET, "must be true or false");
      }
      rotate = r == JsonValue.TRUE;
    }
    String name = string(json, NAME, NAME);
    if (!update && name == null) {
      throw new InvalidHistoryRequestException(NAME, "is required");
    }
    if (!json.containsKey(CHANNELS) || json.isNull(CHANNELS)) {
      throw new InvalidHistoryRequestException(CHANNELS, "at least one channel is required");
    }
    JsonArray channelsJson = array(json, CHANNELS);
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < channelsJson.size(); i++) {
      channels.add(channel(channelsJson.get(i), CHANNELS + "[" + i + "]"));
    }
    String state = string(json, ADMIN_STATE, ADMIN_STATE);
    AdminState adminState = AdminState.UNLOCKED;
    if (state != null) {
      adminState =
          AdminState.fromCode(state)
              .orElseThrow(
                  () ->
                      new InvalidHistoryRequestException(
                          ADMIN_STATE, "must be UNLOCKED or LOCKED"));
    }
    return new Request(
        new SubscriptionDraft(
            name,
            string(json, DESCRIPTION, DESCRIPTION),
            string(json, RECEIVER, RECEIVER),
            channels,
            codes(
                json,
                SEVERITIES,
                Severity::fromCode,
                Arrays.stream(Severity.values()).map(Severity::code).toList()),
            codes(
                json,
                KINDS,
                AlertKind::fromCode,
                Arrays.stream(AlertKind.values()).map(AlertKind::code).toList()),
            codes(
                json,
                EVENTS,
                NotificationResource::event,
                Arrays.stream(AlertEvent.values()).map(AlertEvent::code).toList()),
            strings(json, SITES),
            strings(json, ROOMS),
            adminState),
        rotate);
  }

  private static Channel channel(JsonValue value, String field) {
    if (!(value instanceof JsonObject c)) {
      throw new InvalidHistoryRequestException(field, "must be a JSON object");
    }
    String type = string(c, "type", field + ".type");
    ChannelType t =
        ChannelType.fromCode(type)
            .orElseThrow(
                () -> new InvalidHistoryRequestException(field + ".type", "must be REST or EMAIL"));
    return switch (t) {
      case REST -> {
        only(c, Set.of("type", "url", "format"), field + ".");
        String url = string(c, "url", field + ".url");
        if (url == null) {
          throw new InvalidHistoryRequestException(field + ".url", "is required");
        }
        URI uri;
        try {
          uri = new URI(url.strip());
        } catch (URISyntaxException e) {
          throw new InvalidHistoryRequestException(
              field + ".url", "is not a URL: " + e.getMessage());
        }
        String format = string(c, "format", field + ".format");
        WebhookFormat f =
            format == null
                ? WebhookFormat.JSON
                : WebhookFormat.fromCode(format)
                    .orElseThrow(
                        () ->
                            new InvalidHistoryRequestException(
                                field + ".format", "must be json or slack"));
        yield new WebhookChannel(uri, f);
      }
      case EMAIL -> {
        only(c, Set.of("type", "recipients"), field + ".");
        if (!c.containsKey("recipients") || c.isNull("recipients")) {
          throw new InvalidHistoryRequestException(field + ".recipients", "is required");
        }
        yield new EmailChannel(strings(c, "recipients", field + ".recipients"));
      }
    };
  }

  private static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidHistoryRequestException("body", "a JSON object body is required");
    }
    if (body.length() > MAX_BODY) {
      throw new InvalidHistoryRequestException(
          "body", "the body is larger than " + MAX_BODY + " characters");
    }
    try (var reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new InvalidHistoryRequestException("body", "the body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw new InvalidHistoryRequestException(
          "body", "the body is not valid JSON: " + e.getMessage());
    }
  }

  private static void only(JsonObject json, Set<String> allowed, String prefix) {
    for (String field : json.keySet()) {
      if (!allowed.contains(field)) {
        throw new InvalidHistoryRequestException(
            prefix + field,
            "is not a field of this object (allowed: " + String.join(", ", allowed) + ")");
      }
    }
  }

  private static String string(JsonObject json, String field, String path) {
    JsonValue v = json.get(field);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    if (!(v instanceof JsonString s)) {
      throw new InvalidHistoryRequestException(path, "must be a string");
    }
    return s.getString();
  }

  private static JsonArray array(JsonObject json, String field) {
    JsonValue v = json.get(field);
    if (v == null || v == JsonValue.NULL) {
      return JsonValue.EMPTY_JSON_ARRAY;
    }
    if (!(v instanceof JsonArray a)) {
      throw new InvalidHistoryRequestException(field, "must be an array");
    }
    return a;
  }

  private static List<String> strings(JsonObject json, String field) {
    return strings(json, field, field);
  }

  private static List<String> strings(JsonObject json, String field, String path) {
    JsonValue v = json.get(field);
    if (v == null || v == JsonValue.NULL) {
      return List.of();
    }
    if (!(v instanceof JsonArray a)) {
      throw new InvalidHistoryRequestException(path, "must be an array of strings");
    }
    List<String> values = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!(a.get(i) instanceof JsonString s)) {
        throw new InvalidHistoryRequestException(path + "[" + i + "]", "must be a string");
      }
      values.add(s.getString());
    }
    return values;
  }

  private static <T> Set<T> codes(
      JsonObject json, String field, Function<String, Optional<T>> parse, List<String> known) {
    List<String> values = strings(json, field);
    Set<T> codes = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String code = values.get(i);
      int index = i;
      codes.add(
          parse
              .apply(code)
              .orElseThrow(
                  () ->
                      new InvalidHistoryRequestException(
                          field + "[" + index + "]",
                          "must be one of " + String.join(", ", known) + ", not '" + code + "'")));
    }
    return codes;
  }

  static Optional<AlertEvent> event(String code) {
    for (AlertEvent e : AlertEvent.values()) {
      if (e.code().equals(code)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * The transmissions query the parameters ask for.
   *
   * @throws InvalidHistoryRequestException naming the parameter at fault (400)
   */
  static TransmissionQuery query(String status, String subscription, String page, String size) {
    TransmissionStatus s = null;
    if (status != null && !status.isBlank()) {
      s =
          TransmissionStatus.fromCode(status.strip().toUpperCase(Locale.ROOT))
              .orElseThrow(
                  () ->
                      new InvalidHistoryRequestException(
                          "status",
                          "must be one of "
                              + Arrays.stream(TransmissionStatus.values())
                                  .map(Enum::name)
                                  .collect(Collectors.joining(", "))
                              + ", not '"
                              + status
                              + "'"));
    }
    String sub = null;
    if (subscription != null && !subscription.isBlank()) {
      sub = subscription.strip();
      Optional<String> refusal = Subscriptions.nameRefusal(sub);
      if (refusal.isPresent()) {
        throw new InvalidHistoryRequestException("subscription", refusal.get());
      }
    }
    return new TransmissionQuery(
        s,
        sub,
        integer("page", page, 0, 1_000_000, 0),
        integer("size", size, 1, MAX_SIZE, DEFAULT_SIZE));
  }

  private static int integer(String name, String value, int min, int max, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidHistoryRequestException(
        name, "must be a whole number from " + min + " to " + max + ", not '" + value + "'");
  }

  /**
   * A subscription as the API shows it: never its secret, unless {@code withSecret} (its creation,
   * or a change that made a new one).
   */
  static JsonObject view(Subscription s, boolean withSecret) {
    JsonObjectBuilder json = Json.createObjectBuilder().add(NAME, s.name());
    optional(json, DESCRIPTION, s.description());
    optional(json, RECEIVER, s.receiver());
    JsonArrayBuilder channels = Json.createArrayBuilder();
    s.channels().forEach(c -> channels.add(channel(c)));
    json.add(CHANNELS, channels);
    json.add(SEVERITIES, array(s.severities().stream().map(Severity::code).toList()));
    json.add(KINDS, array(s.kinds().stream().map(AlertKind::code).toList()));
    json.add(EVENTS, array(s.events().stream().map(AlertEvent::code).toList()));
    json.add(SITES, array(new TreeSet<>(s.sites())));
    json.add(ROOMS, array(new TreeSet<>(s.rooms())));
    json.add(ADMIN_STATE, s.adminState().name());
    time(json, "created", s.created());
    time(json, "modified", s.modified());
    optional(json, "modifiedBy", s.modifiedBy());
    if (withSecret && s.secret() != null) {
      json.add("secret", s.secret());
    }
    return json.build();
  }

  static JsonObject channel(Channel c) {
    JsonObjectBuilder json = Json.createObjectBuilder().add("type", c.type().name());
    switch (c) {
      case WebhookChannel w -> json.add("url", w.url().toString()).add("format", w.format().code());
      case EmailChannel e -> json.add("recipients", array(e.recipients()));
    }
    return json.build();
  }

  /** A page of transmissions: {@code {"page", "size", "totalCount", "transmissions"}}. */
  static JsonObject json(TransmissionPage page, TransmissionQuery query) {
    JsonArrayBuilder all = Json.createArrayBuilder();
    page.transmissions().forEach(t -> all.add(view(t)));
    return Json.createObjectBuilder()
        .add("page", query.page())
        .add("size", query.size())
        .add("totalCount", page.total())
        .add("transmissions", all)
        .build();
  }

  /** A transmission as EdgeX shows one, with the alert it tells. */
  static JsonObject view(Transmission t) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("id", t.id())
            .add("created", t.created().toString())
            .add("subscriptionName", t.subscription())
            .add("channel", channel(t.channel()))
            .add("status", t.status().name())
            .add("attempts", t.attempts())
            .add("resendCount", t.resendCount());
    optional(json, "notificationId", t.notificationId());
    time(json, "nextAttemptAt", t.nextAttemptAt());
    json.add("event", t.event().code());
    json.add("alert", WebhookBodies.alert(t.alert())); // as the receivers got it
    JsonArrayBuilder records = Json.createArrayBuilder();
    for (TransmissionRecord r : t.records()) {
      JsonObjectBuilder record =
          Json.createObjectBuilder()
              .add("sent", r.sent().toString())
              .add("status", r.status().name());
      optional(record, "response", r.response());
      records.add(record);
    }
    json.add("records", records);
    return json.build();
  }

  private static JsonArrayBuilder array(Collection<String> values) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    values.forEach(a::add);
    return a;
  }

  private static void optional(JsonObjectBuilder json, String name, String value) {
    if (value != null) {
      json.add(name, value);
    }
  }

  private static void time(JsonObjectBuilder json, String name, Instant value) {
    if (value != null) {
      json.add(name, value.toString());
    }
  }
}
