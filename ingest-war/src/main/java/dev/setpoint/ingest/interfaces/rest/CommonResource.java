package dev.setpoint.ingest.interfaces.rest;

import dev.setpoint.contracts.edgex.ApiVersion;
import dev.setpoint.contracts.edgex.PingResponse;
import dev.setpoint.contracts.edgex.VersionResponse;
import dev.setpoint.contracts.security.Public;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** EdgeX's common endpoints: {@code /api/v3/ping}, {@code /api/v3/version}. */
@Path("/v3")
@Produces(MediaType.APPLICATION_JSON)
public class CommonResource {
  static final String SERVICE_NAME = "setpoint-ingest";
  private static final String VERSION = ServiceVersion.read();

  @GET
  @Path("/ping")
  @Public
  public PingResponse ping() {
    String now = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
    return new PingResponse(ApiVersion.V3, now, SERVICE_NAME);
  }

  @GET
  @Path("/version")
  @Public
  public VersionResponse version() {
    return new VersionResponse(ApiVersion.V3, VERSION, SERVICE_NAME);
  }
}
