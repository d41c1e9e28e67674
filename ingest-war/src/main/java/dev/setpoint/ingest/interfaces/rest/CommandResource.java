package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.edgex.EventResponse;
import dev.setpoint.contracts.security.Requires;
import dev.setpoint.contracts.security.Role;
import dev.setpoint.ingest.application.CommandService;
import dev.setpoint.ingest.application.InvalidCommandException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * EdgeX Core Command: {@code GET /api/v3/device/name/{name}/{command}} answers the command's
 * current values as an event; {@code PUT} with {@code {"setpoint":"24.5"}} stores an operator's
 * command after checking each value against the device's profile. {@code PUT ...?hold-until=<RFC
 * 3339 time>} also holds the values until then: no recommendation replaces them before.
 */
@Path("/v3/device/name/{name}/{command}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CommandResource {
  private final CommandService commands;

  @Inject
  public CommandResource(CommandService commands) {
    this.commands = commands;
  }

  /** For CDI's proxy only. */
  protected CommandResource() {
    this(null);
  }

  @GET
  @DeviceOrRole(pathParam = "name", role = Role.VIEWER)
  public Response read(@PathParam("name") String name, @PathParam("command") String command) {
    return MetadataResponses.call(
        () -> Response.ok(EventResponse.ok(commands.read(name, command))).build());
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Requires(Role.OPERATOR)
  public Response write(
      @PathParam("name") String name,
      @PathParam("command") String command,
      @QueryParam(HOLD_UNTIL) String holdUntil,
      CommandValues body,
      @Context SecurityContext security,
      @Context HttpServletRequest http) {
    return MetadataResponses.call(
        () -> {
          commands.write(
              name,
              command,
              body.values(),
              CommandSource.OPERATOR,
              holdUntil(holdUntil),
              AuditActors.of(security, http));
          return Response.ok(MetadataResponses.ok(null)).build();
        });
  }

  /** The query parameter that holds an operator's values until an RFC 3339 time. */
  static final String HOLD_UNTIL = "hold-until";

  private static Optional<Instant> holdUntil(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidCommandException(
          HOLD_UNTIL + " '" + text + "' is not an RFC 3339 time such as 2026-12-02T20:00:00Z");
    }
  }
}
