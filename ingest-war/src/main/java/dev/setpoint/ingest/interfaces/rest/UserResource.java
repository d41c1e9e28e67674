package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.application.InvalidUserException;
import dev.setpoint.ingest.application.UnknownUserException;
import dev.setpoint.ingest.application.UserAccount;
import dev.setpoint.ingest.application.UserConflictException;
import dev.setpoint.ingest.application.UserService;
import dev.setpoint.ingest.domain.StoreUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The local issuer's users, for admins only:
 *
 * <ul>
 *   <li>{@code GET /api/users}: 200 {@code {"users":[{"username","role","disabled","createdAt",
 *       "updatedAt","bootstrap"}]}}, the configured bootstrap user first ({@code "bootstrap":true},
 *       without times);
 *   <li>{@code POST /api/users} {@code {"username","role","password"}}: 201 the user; 409 when the
 *       name is taken;
 *   <li>{@code PATCH /api/users/{username}} {@code {"role"?,"disabled"?}}: 200 the user;
 *   <li>{@code PUT /api/users/{username}/password} {@code {"password"}}: 204.
 * </ul>
 *
 * 400 with a message that starts with the field at fault, 404 for an unknown user, 409 for the
 * bootstrap user (changed only through the configuration) and for an admin demoting or disabling
 * themself. Times are ISO-8601 instants. The decoding is here; the rules and every change are in
 * {@link UserService}.
 */
@Path("/users")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {
  static final int MAX_BODY_BYTES = 4096;

  private final UserService users;

  @Inject
  public UserResource(UserService users) {
    this.users = users;
  }

  /** For CDI's proxy only. */
  protected UserResource() {
    this(null);
  }

  @GET
  @Requires(Role.ADMIN)
  public Response list() {
    return answer(
        () -> {
          JsonArrayBuilder all = Json.createArrayBuilder();
          users.list().forEach(u -> all.add(json(u)));
          return Response.ok(Json.createObjectBuilder().add("users", all).build()).build();
        });
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.ADMIN)
  public Response create(
      InputStream body,
      @Context SecurityContext security,
      @Context HttpServletRequest http,
      @Context UriInfo uri) {
    JsonObject request =
        RequestBodies.object(body, MAX_BODY_BYTES, Set.of("username", "role", "password"));
    String username = RequestBodies.string(request, "username");
    String role = RequestBodies.string(request, "role");
    String password = RequestBodies.string(request, "password");
    return answer(
        () -> {
          UserAccount created =
              users.create(username, role, password, AuditActors.of(security, http));
          return Response.created(uri.getAbsolutePathBuilder().path(created.username()).build())
              .entity(json(created))
              .build();
        });
  }

  @PATCH
  @Path("{username}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.ADMIN)
  public Response change(
      @PathParam("username") String username,
      InputStream body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    JsonObject request = RequestBodies.object(body, MAX_BODY_BYTES, Set.of("role", "disabled"));
    if (request.isEmpty()) {
      return EdgeXErrors.of(400, null, "role or disabled: give at least one to change");
    }
    Optional<String> role =
        request.containsKey("role")
            ? Optional.of(RequestBodies.string(request, "role"))
            : Optional.empty();
    Optional<Boolean> disabled = Optional.empty();
    if (request.containsKey("disabled")) {
      JsonValue value = request.get("disabled");
      if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
        return EdgeXErrors.of(400, null, "disabled: must be true or false");
      }
      disabled = Optional.of(value == JsonValue.TRUE);
    }
    Optional<Boolean> newDisabled = disabled;
    return answer(
        () ->
            Response.ok(
                    json(users.change(username, role, newDisabled, AuditActors.of(security, http))))
                .build());
  }

  @PUT
  @Path("{username}/password")
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.ADMIN)
  public Response setPassword(
      @PathParam("username") String username,
      InputStream body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    String password =
        RequestBodies.string(
            RequestBodies.object(body, MAX_BODY_BYTES, Set.of("password")), "password");
    return answer(
        () -> {
          users.setPassword(username, password, AuditActors.of(security, http));
          return Response.noContent().build();
        });
  }

  private static Response answer(Supplier<Response> action) {
    try {
      return action.get();
    } catch (InvalidUserException e) {
      return EdgeXErrors.of(400, null, e.getMessage());
    } catch (UnknownUserException e) {
      return EdgeXErrors.of(404, null, e.getMessage());
    } catch (UserConflictException e) {
      return EdgeXErrors.of(409, null, e.getMessage());
    } catch (StoreUnavailableException e) {
      return EdgeXErrors.of(503, null, e.getMessage() + "; retry later");
    }
  }

  private static JsonObject json(UserAccount user) {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("username", user.username())
            .add("role", user.role().code())
            .add("disabled", user.disabled());
    if (user.createdAt() != null) {
      json.add("createdAt", user.createdAt().toString());
    }
    if (user.updatedAt() != null) {
      json.add("updatedAt", user.updatedAt().toString());
    }
    return json.add("bootstrap", user.bootstrap()).build();
  }
}
