package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.command.CommandSource;
import dev.setpoint.contracts.edgex.EventResponse;
import dev.setpoint.ingest.application.CommandService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * EdgeX Core Command: {@code GET /api/v3/device/name/{name}/{command}} answers the command's
 * current values as an event; {@code PUT} with {@code {"setpoint":"24.5"}} stores an operator's
 * command after checking each value against the device's profile.
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
  @DeviceOrOperator(pathParam = "name")
  public Response read(@PathParam("name") String name, @PathParam("command") String command) {
    return MetadataResponses.call(
        () -> Response.ok(EventResponse.ok(commands.read(name, command))).build());
  }

  @PUT
  @OperatorOnly
  @Consumes(MediaType.APPLICATION_JSON)
  public Response write(
      @PathParam("name") String name, @PathParam("command") String command, CommandValues body) {
    return MetadataResponses.call(
        () -> {
          commands.write(name, command, body.values(), CommandSource.OPERATOR);
          return Response.ok(MetadataResponses.ok(null)).build();
        });
  }
}
